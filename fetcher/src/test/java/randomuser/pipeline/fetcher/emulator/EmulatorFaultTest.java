package randomuser.pipeline.fetcher.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import randomuser.pipeline.emulator.Fault;
import randomuser.pipeline.emulator.FaultType;
import randomuser.pipeline.emulator.RandomUserEmulator;
import randomuser.pipeline.fetcher.support.CliRun;

/** Every fault the emulator can inject is retried by the fetcher, which then finishes the page. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmulatorFaultTest {

    private static RandomUserEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = RandomUserEmulator.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @ParameterizedTest
    @EnumSource(FaultType.class)
    void eachFaultIsRetriedAndThePageCompletes(FaultType type) {
        // Slow and stalled responses outlast the read timeout below, so they fail as timeouts.
        emulator.faults().add(Fault.of(type).withDelayMillis(1500).withRetryAfterSeconds(3), 1);
        CliRun run = CliRun.run(
                "--api-url",
                emulator.baseUrl(),
                "--results",
                "100",
                "--seed",
                "faults",
                "--read-timeout",
                "500ms",
                "--dry-run");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(600, run.records().size());
        assertTrue(run.stderrLines().get(0).startsWith("page 1: attempt 1/5 got "), run.stderr);
        assertTrue(
                run.stderrLines().get(1).startsWith("page 1/1: 100 users, 600 records sent, 0 skipped, 2 attempts, "),
                run.stderr);
        Duration wait = run.sleeper.waits().get(0);
        if (type == FaultType.RATE_LIMITED) {
            assertEquals(List.of(Duration.ofSeconds(3)), run.sleeper.waits(), "Retry-After is honoured");
        } else {
            assertTrue(
                    wait.compareTo(Duration.ofMillis(500)) >= 0 && wait.compareTo(Duration.ofSeconds(1)) <= 0,
                    "first backoff within [base/2, base]: " + wait);
        }
    }

    @Test
    void persistentFaultsExhaustTheAttemptsAndFailTheRun() {
        emulator.faults().add(Fault.of(FaultType.SERVICE_UNAVAILABLE), 3);
        CliRun run = CliRun.run(
                "--api-url",
                emulator.baseUrl(),
                "--results",
                "10",
                "--seed",
                "down",
                "--max-attempts",
                "3",
                "--dry-run");
        assertEquals(1, run.exitCode, run.toString());
        assertEquals(2, run.sleeper.waits().size());
        String last = run.stderrLines().get(run.stderrLines().size() - 1);
        assertTrue(
                last.startsWith("fetcher: page 1: no usable response after 3 attempts (--max-attempts 3); the last "
                        + "attempt got HTTP 503 (text/html): "),
                last);
        assertEquals("", run.stdout);
    }

    @Test
    void unknownVersionOnTheEmulatorIsAUsageError() {
        CliRun run = CliRun.run(
                "--api-url", emulator.baseUrl(), "--results", "10", "--seed", "v", "--api-version", "1.2", "--dry-run");
        // The emulator serves 1.4 only: its 404 for 1.2 must not be retried.
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(List.of(), run.sleeper.waits());
    }
}
