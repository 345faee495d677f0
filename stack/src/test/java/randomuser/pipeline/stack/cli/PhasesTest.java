package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PhasesTest {
    @Test
    void eachPhaseIsOneLineWithItsOutcomeAndTime() {
        Phases phases = new Phases();
        phases.step("install what the tests need", () -> {});
        assertTrue(phases.suite("unit tests", () -> true));
        assertTrue(phases.allPassed());
        assertFalse(phases.suite("integration tests", () -> false));

        assertFalse(phases.allPassed());
        assertEquals(
                List.of(
                        "  done     0m00s  install what the tests need",
                        "  passed   0m00s  unit tests",
                        "  FAILED   0m00s  integration tests"),
                phases.lines());
    }

    @Test
    void timesAreMinutesAndSeconds() {
        assertEquals("25m07s", Phases.minutesAndSeconds(Duration.ofSeconds(25 * 60 + 7)));
        assertEquals("0m59s", Phases.minutesAndSeconds(Duration.ofMillis(59_900)));
    }
}
