package randomuser.pipeline.stack.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The phases of {@code ./pipeline test} in the order they ran, each with how long it took, so that the
 * summary shows where a run's time goes: the suites (passed or FAILED) and the steps around them.
 */
final class Phases {
    private record Phase(String name, String outcome, Duration took) {}

    private final List<Phase> phases = new ArrayList<>();

    /** Runs a step whose failure is an exception (and ends the run). */
    void step(String name, Runnable work) {
        long started = System.nanoTime();
        work.run();
        phases.add(new Phase(name, "done", Duration.ofNanos(System.nanoTime() - started)));
    }

    /** Runs a suite; answers whether it passed. */
    boolean suite(String name, BooleanSupplier work) {
        long started = System.nanoTime();
        boolean passed = work.getAsBoolean();
        phases.add(new Phase(name, passed ? "passed" : "FAILED", Duration.ofNanos(System.nanoTime() - started)));
        return passed;
    }

    boolean allPassed() {
        return phases.stream().noneMatch(phase -> phase.outcome().equals("FAILED"));
    }

    /** One line per phase: outcome, time taken, name. */
    List<String> lines() {
        return phases.stream()
                .map(phase ->
                        String.format("  %-6s %7s  %s", phase.outcome(), minutesAndSeconds(phase.took()), phase.name()))
                .toList();
    }

    static String minutesAndSeconds(Duration duration) {
        return String.format("%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
    }
}
