package randomuser.pipeline.stack.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingJobStatusTest {
    /** As the job's JobStatus writes it. */
    private static final String FILE = """
            {
              "job" : "job-profile", "facet" : "profile", "topic" : "randomuser.profiles", "collection" : "profiles",
              "pid" : 6436, "state" : "RUNNING", "query_id" : "0dfc8f34",
              "batch_id" : 12, "last_batch_at" : "2026-11-21T21:53:40.123Z",
              "last_batch_rows_in" : 1000, "last_batch_upserted" : 998, "last_batch_dead_lettered" : 2, "last_batch_ms" : 840,
              "input_rows_per_second" : 250.5, "processed_rows_per_second" : 1190.25, "lag" : 0,
              "total_rows_in" : 3000, "total_upserted" : 2998, "total_dead_lettered" : 2,
              "started_at" : "2026-11-21T21:51:49Z", "updated_at" : "2026-11-21T21:53:41Z", "error" : null
            }
            """;

    @Test
    void readsTheJobsFigures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, FILE);
        assertEquals(
                Optional.of(new StreamingJobStatus(
                        "RUNNING",
                        6436,
                        OptionalLong.of(12),
                        "2026-11-21T21:53:40.123Z",
                        OptionalLong.of(1000),
                        OptionalDouble.of(1190.25),
                        OptionalLong.of(0),
                        2998,
                        2,
                        "2026-11-21T21:53:41Z",
                        null)),
                StreamingJobStatus.read(file));
    }

    @Test
    void nullsOfAFreshJobAreEmpty() throws Exception {
        StreamingJobStatus status = StreamingJobStatus.parse(
                "{\"pid\": 1, \"state\": \"STARTING\", \"batch_id\": null, "
                        + "\"lag\": null, \"processed_rows_per_second\": null, \"total_upserted\": 0, \"error\": null}");
        assertEquals(OptionalLong.empty(), status.batchId());
        assertEquals(OptionalLong.empty(), status.lag());
        assertEquals(OptionalDouble.empty(), status.processedRowsPerSecond());
        assertEquals(null, status.error());
        assertEquals(false, status.running());
    }

    @Test
    void aMissingOrBrokenFileIsEmpty(@TempDir Path dir) throws Exception {
        assertTrue(StreamingJobStatus.read(dir.resolve("none.json")).isEmpty());
        Files.writeString(dir.resolve("half.json"), "{\"pid\": 1, \"sta");
        assertTrue(StreamingJobStatus.read(dir.resolve("half.json")).isEmpty());
    }
}
