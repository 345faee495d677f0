package randomuser.pipeline.stack.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.stack.probe.JobRestarts;

/** The stack jobs' restart script, run with bash on small shell commands standing in for a driver. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartOnFailureScriptTest {
    @TempDir
    Path dir;

    private Process start(int maxRestarts, Map<String, String> environment, String driverShellCommand)
            throws Exception {
        Path script = Path.of(RestartOnFailureScriptTest.class
                .getResource("/randomuser/pipeline/stack/" + StreamingJobDriver.RESTART_SCRIPT)
                .toURI());
        List<String> command = new ArrayList<>(List.of(
                "bash",
                script.toString(),
                dir.resolve("record").toString(),
                Integer.toString(maxRestarts),
                dir.resolve("log").toString(),
                "bash",
                "-c",
                driverShellCommand));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve("log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("FIRST_RESTART_DELAY_SECONDS", "0");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private JobRestarts record() {
        return JobRestarts.read(dir.resolve("record")).orElseThrow();
    }

    @Test
    void aDriverThatFailsAtEveryStartIsRestartedItsBudgetThenFailedWithItsErrorLine() throws Exception {
        Process script = start(
                3,
                Map.of(),
                "echo started >> starts; "
                        + "echo 'error: --max-offsets-per-trigger must be at least 1 (see --help)'; exit 2");

        assertEquals(2, script.waitFor());
        assertEquals(4, Files.readAllLines(dir.resolve("starts")).size(), "starts: the first and 3 restarts");
        JobRestarts record = record();
        assertEquals("failed", record.state());
        assertEquals(3, record.restarts());
        assertEquals(3, record.restartsInARow());
        assertEquals(3, record.maxRestarts());
        assertEquals(OptionalInt.of(2), record.lastExit());
        assertEquals("error: --max-offsets-per-trigger must be at least 1 (see --help)", record.lastError());
        assertTrue(Files.readString(dir.resolve("log"))
                .contains("restart-on-failure: exit 2; failed after 3 restarts in a row, not restarted again"));
    }

    @Test
    void aKilledDriverIsStartedAgainAndAStopWithExitZeroEndsTheScript() throws Exception {
        Process script = start(
                3,
                Map.of(),
                "echo started >> starts; " + "if [ ! -e crashed ]; then touch crashed; kill -9 $$; fi; exit 0");

        assertEquals(0, script.waitFor());
        assertEquals(2, Files.readAllLines(dir.resolve("starts")).size());
        JobRestarts record = record();
        assertEquals("stopped", record.state());
        assertEquals(1, record.restarts());
        assertEquals(OptionalInt.of(137), record.lastExit());
        assertEquals("", record.lastError());
    }

    @Test
    void theLastErrorIsTheJobsFailureLineWithoutTheLogPrefix() throws Exception {
        Process script = start(
                0,
                Map.of(),
                "echo '26/12/05 03:12:04 WARN NativeCodeLoader: noise'; "
                        + "echo '26/12/05 03:12:05 ERROR QuerySupervisor: query failed: MongoTimeoutException: timed out'; exit 1");

        assertEquals(1, script.waitFor());
        assertEquals("failed", record().state());
        assertEquals(0, record().restarts());
        assertEquals("query failed: MongoTimeoutException: timed out", record().lastError());
    }

    @Test
    void sigtermStopsTheDriverAndIsNotRestarted() throws Exception {
        Process script = start(3, Map.of(), "echo $$ > driver; exec sleep 30");
        while (!Files.exists(dir.resolve("driver"))
                || Files.readString(dir.resolve("driver")).isBlank()) {
            Thread.sleep(20);
        }
        long driver = Long.parseLong(Files.readString(dir.resolve("driver")).trim());

        script.destroy();

        assertEquals(143, script.waitFor());
        assertFalse(ProcessHandle.of(driver).map(ProcessHandle::isAlive).orElse(false), "driver still running");
        assertEquals("stopped", record().state());
        assertEquals(0, record().restarts());
    }

    @Test
    void aRunThatLastedStartsTheRowOfRestartsAgain() throws Exception {
        // Every run counts as one that lasted: three failures, each restarted, though the budget is one in a row.
        Process script =
                start(1, Map.of("HEALTHY_RUN_SECONDS", "0"), "echo started >> starts; [ $(wc -l < starts) -ge 4 ]");

        assertEquals(0, script.waitFor());
        assertEquals(3, record().restarts());
        assertEquals(1, record().restartsInARow());
        assertEquals("stopped", record().state());
    }
}
