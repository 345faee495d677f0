package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.StackStatus;
import randomuser.pipeline.stack.probe.StreamingJobStatus;

class TablesTest {
    @Test
    void alignsColumnsAndTrimsLineEnds() {
        String table = new TextTable("NAME", "PORT", "NOTE")
                .row("kafka-1", "19092", "")
                .row("mongodb", "27017", "ok")
                .render();
        assertEquals("NAME     PORT   NOTE\nkafka-1  19092\nmongodb  27017  ok\n", table);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").row("only one"));
    }

    @Test
    void statusShowsPidMemoryAndTheTotal() {
        String table = Tables.status(List.of(
                new ComponentStatus("kafka-1", true, "in cluster", OptionalLong.of(42), 340 * 1024),
                new ComponentStatus("mongodb", false, "ping failed", OptionalLong.empty(), 0),
                new ComponentStatus("spark-master", true, "ALIVE", OptionalLong.of(7), 190 * 1024 + 600)));
        assertEquals(
                String.join(
                        "\n",
                        "COMPONENT     STATE  PID  RSS      EVIDENCE",
                        "kafka-1       up     42   340 MiB  in cluster",
                        "mongodb       down   -    -        ping failed",
                        "spark-master  up     7    191 MiB  ALIVE",
                        "total                     531 MiB  resident memory of the processes above and their children",
                        ""),
                table);
    }

    @Test
    void jobsShowStateBatchRateLagBacklogAndMemory() {
        StreamingJobStatus running = new StreamingJobStatus(
                "RUNNING",
                42,
                OptionalLong.of(12),
                "2026-11-21T21:53:40.123456Z",
                OptionalLong.of(1000),
                OptionalDouble.of(1190.25),
                OptionalLong.of(0),
                2998,
                2,
                "2026-11-21T21:53:41Z",
                null);
        StreamingJobStatus stopped = new StreamingJobStatus(
                "STOPPED",
                7,
                OptionalLong.empty(),
                null,
                OptionalLong.empty(),
                OptionalDouble.empty(),
                OptionalLong.empty(),
                0,
                0,
                null,
                null);
        String table = Tables.jobs(List.of(
                new StackStatus.Job(
                        "job-profile", true, Optional.of(running), OptionalLong.of(0), 400 * 1024, 430 * 1024),
                new StackStatus.Job("job-contact", true, Optional.empty(), OptionalLong.of(5230), 300 * 1024, 0),
                new StackStatus.Job("job-picture", false, Optional.of(stopped), OptionalLong.empty(), 0, 0)));
        assertEquals(
                String.join(
                        "\n",
                        "JOB          STATE                 BATCH  LAST DATA (UTC)      ROWS  ROWS/S  LAG  BACKLOG  UPSERTED  DEAD-LETTERED  DRIVER   EXECUTOR",
                        "job-profile  RUNNING               12     2026-11-21 21:53:40  1000  1190.3  0    0        2998      2              400 MiB  430 MiB",
                        "job-contact  starting              -      -                    -     -       -    5230     -         -              300 MiB  0 MiB",
                        "job-picture  down (last: STOPPED)  -      -                    -     -       -    -        -         -              -        -",
                        "ROWS: records in the last batch that had any; ROWS/S: of the last progress report; LAG: offsets behind "
                                + "the topic's end at that report; BACKLOG: records after the last committed batch, now (the running "
                                + "batch included); UPSERTED, DEAD-LETTERED: since the driver started.",
                        ""),
                table);
    }

    @Test
    void documentsPerCollectionOrWhyNot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("profiles", 1000L);
        counts.put("dead_letters", 0L);
        assertEquals("COLLECTION    DOCUMENTS\nprofiles      1000\ndead_letters  0\n", Tables.documents(counts, null));
        assertEquals("documents: not counted (MongoDB is down)\n", Tables.documents(Map.of(), "MongoDB is down"));
    }
}
