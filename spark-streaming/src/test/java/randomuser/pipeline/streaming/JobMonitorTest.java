package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobMonitorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void theBatchLineHasEveryFigure() {
        BatchOutcome outcome = new BatchOutcome(12, new BatchCounts(20000, 19990, 10), 1, 2000);
        assertEquals(
                "topic=randomuser.profiles batch=12 rows_in=20000 upserted=19990 dead_lettered=10 ms=2345 lag=50000",
                JobMonitor.batchLine("randomuser.profiles", outcome, 2345, OptionalLong.of(50000)));
        assertEquals(
                "topic=t batch=1 rows_in=5 upserted=5 dead_lettered=0 ms=9 lag=unknown write_attempts=3",
                JobMonitor.batchLine(
                        "t", new BatchOutcome(1, new BatchCounts(5, 5, 0), 3, 9), 9, OptionalLong.empty()));
    }

    @Test
    void failuresAreShortenedToOneLine() {
        assertEquals("first line", JobMonitor.oneLine(new IllegalStateException("first line\nsecond")));
        assertEquals("IllegalStateException", JobMonitor.oneLine(new IllegalStateException()));
        String shortened = JobMonitor.oneLine(new IllegalStateException("x".repeat(500)));
        assertEquals(200, shortened.length());
        assertEquals(true, shortened.endsWith("..."));
    }

    @Test
    void batchesAndRetriesReachTheStatus() {
        JobStatus status = new JobStatus(folder.resolve("s.json"), "job-profile", "profile", "t", "profiles", 1, CLOCK);
        JobMonitor monitor = new JobMonitor("t", status, CLOCK);

        monitor.onRetry(2, 1, 10, Duration.ofSeconds(1), new IllegalStateException("timeout\nmore lines"));
        assertEquals(JobStatus.State.RETRYING, status.state());
        assertEquals(
                "MongoDB write attempt 1/10 failed: timeout", status.snapshot().get("error"));

        monitor.onBatchWritten(new BatchOutcome(2, new BatchCounts(10, 9, 1), 2, 50));
        assertEquals(JobStatus.State.RUNNING, status.state());
        assertEquals(1L, monitor.batchesWritten());
        assertEquals(10L, status.snapshot().get("total_rows_in"));
    }
}
