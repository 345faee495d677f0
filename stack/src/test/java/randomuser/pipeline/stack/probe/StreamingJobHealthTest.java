package randomuser.pipeline.stack.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class StreamingJobHealthTest {
    private static final long DRIVER = 4242;

    private static SparkMasterView master(SparkMasterView.App... apps) {
        return new SparkMasterView("ALIVE", List.of(), List.of(apps), null);
    }

    private static Optional<StreamingJobStatus> status(String state, long pid) {
        return Optional.of(new StreamingJobStatus(
                state,
                pid,
                OptionalLong.of(7),
                "2026-01-01T00:00:00Z",
                OptionalLong.of(10),
                OptionalDouble.of(100.0),
                OptionalLong.of(0),
                10,
                0,
                "2026-01-01T00:00:01Z",
                null));
    }

    @Test
    void upWhenTheAppRunsAtTheMasterAndThisDriversQueryRuns() {
        SparkMasterView master = master(
                new SparkMasterView.App("app-20260101000000-0001", "job-profile", "RUNNING", 1),
                new SparkMasterView.App("app-20260101000000-0002", "job-contact", "RUNNING", 1));
        assertEquals(
                Health.up("app-20260101000000-0001 RUNNING at the master (1 core); query RUNNING, batch 7, lag 0"),
                StreamingJobHealth.evaluate("job-profile", master, status("RUNNING", DRIVER), Optional.of(DRIVER)));
    }

    @Test
    void theNewestApplicationOfARestartedJobCounts() {
        SparkMasterView master = master(
                new SparkMasterView.App("app-20260101000000-0001", "job-profile", "RUNNING", 1),
                new SparkMasterView.App("app-20260101000500-0007", "job-profile", "WAITING", 0));
        assertEquals(
                Health.down("app-20260101000500-0007 is WAITING at the master (no free worker core?)"),
                StreamingJobHealth.evaluate("job-profile", master, status("RUNNING", DRIVER), Optional.of(DRIVER)));
    }

    @Test
    void downWithoutDriverAppStatusFileOrWithAStaleFile() {
        SparkMasterView running = master(new SparkMasterView.App("app-1", "job-profile", "RUNNING", 1));
        assertEquals(
                Health.down("driver not running"),
                StreamingJobHealth.evaluate("job-profile", running, status("RUNNING", DRIVER), Optional.empty()));
        assertEquals(
                Health.down("no application job-profile at the master yet"),
                StreamingJobHealth.evaluate("job-profile", master(), Optional.empty(), Optional.of(DRIVER)));
        assertEquals(
                Health.down("app-1 RUNNING at the master (1 core); no status file yet"),
                StreamingJobHealth.evaluate("job-profile", running, Optional.empty(), Optional.of(DRIVER)));
        assertEquals(
                Health.down("app-1 RUNNING at the master (1 core); the status file is from an earlier driver (pid 17)"),
                StreamingJobHealth.evaluate("job-profile", running, status("RUNNING", 17), Optional.of(DRIVER)));
        assertEquals(
                Health.down("Spark master not reachable: refused"),
                StreamingJobHealth.evaluate(
                        "job-profile", SparkMasterView.unreachable("refused"), Optional.empty(), Optional.of(DRIVER)));
    }

    @Test
    void aQueryThatIsNotRunningSaysWhy() {
        SparkMasterView running = master(new SparkMasterView.App("app-1", "job-profile", "RUNNING", 1));
        Optional<StreamingJobStatus> retrying = Optional.of(new StreamingJobStatus(
                "RETRYING",
                DRIVER,
                OptionalLong.empty(),
                null,
                OptionalLong.empty(),
                OptionalDouble.empty(),
                OptionalLong.empty(),
                0,
                0,
                null,
                "MongoDB write attempt 1/10 failed"));
        assertEquals(
                Health.down("app-1 RUNNING at the master (1 core); query RETRYING: MongoDB write attempt 1/10 failed"),
                StreamingJobHealth.evaluate("job-profile", running, retrying, Optional.of(DRIVER)));
    }

    private static final long RESTART_SCRIPT = 4200;

    private static Optional<JobRestarts> restarts(String keyValueLines) {
        return Optional.of(JobRestarts.parse(keyValueLines));
    }

    /** A record as restart-on-failure.sh writes it, after {@code restarts} restarts in a row (budget 3). */
    private static Optional<JobRestarts> restarts(String state, int restarts, int lastExit, String lastError) {
        return restarts("""
                state=%s
                restarts=%d
                restarts_in_a_row=%d
                max_restarts=3
                last_exit=%d
                last_exit_at=2026-12-05T03:12:04Z
                last_error=%s
                """.formatted(state, restarts, restarts, lastExit, lastError));
    }

    @Test
    void aJobItsRestartScriptGaveUpOnIsFailedWithItsLastExitAndError() {
        Optional<JobRestarts> failed =
                restarts("failed", 3, 2, "error: --max-offsets-per-trigger must be at least 1 (see --help)");
        assertEquals(
                Health.down("FAILED after 3 restarts in a row, not restarted again; last exit 2 at "
                        + "2026-12-05T03:12:04Z: error: --max-offsets-per-trigger must be at least 1 (see --help); "
                        + "./pipeline up starts it again"),
                StreamingJobHealth.evaluateKept(
                        "job-picture", master(), Optional.empty(), Optional.empty(), Optional.empty(), failed));
        assertEquals(
                Health.down("driver not running"),
                StreamingJobHealth.evaluateKept(
                        "job-picture",
                        master(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        restarts("state=stopped\n")));
    }

    @Test
    void aJobWaitingForItsRestartSaysAfterWhat() {
        Optional<JobRestarts> waiting = restarts("restarting", 1, 137, "");
        assertEquals(
                Health.down("restarting (1 of 3 in a row) after exit 137 (SIGKILL) at 2026-12-05T03:12:04Z"),
                StreamingJobHealth.evaluateKept(
                        "job-location",
                        master(),
                        status("RUNNING", DRIVER),
                        Optional.of(RESTART_SCRIPT),
                        Optional.empty(),
                        waiting));
    }

    @Test
    void aRestartedJobThatRunsAgainIsUpAndTellsItsRestarts() {
        SparkMasterView running = master(new SparkMasterView.App("app-2", "job-location", "RUNNING", 1));
        Optional<JobRestarts> once = restarts("running", 1, 137, "");
        assertEquals(
                Health.up("app-2 RUNNING at the master (1 core); query RUNNING, batch 7, lag 0; restarted 1 time, "
                        + "last after exit 137 (SIGKILL) at 2026-12-05T03:12:04Z"),
                StreamingJobHealth.evaluateKept(
                        "job-location",
                        running,
                        status("RUNNING", DRIVER),
                        Optional.of(RESTART_SCRIPT),
                        Optional.of(DRIVER),
                        once));
        assertEquals(
                Health.up("app-2 RUNNING at the master (1 core); query RUNNING, batch 7, lag 0"),
                StreamingJobHealth.evaluateKept(
                        "job-location",
                        running,
                        status("RUNNING", DRIVER),
                        Optional.of(RESTART_SCRIPT),
                        Optional.of(DRIVER),
                        restarts("state=running\nrestarts=0\n")));
    }
}
