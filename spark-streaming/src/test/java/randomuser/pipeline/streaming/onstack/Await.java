package randomuser.pipeline.streaming.onstack;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded waits for a pipeline that is slow on a loaded two-core machine but must not hang the build: a wait
 * gives up when what it watches stopped changing for {@code stall} (the pipeline is stuck), or after
 * {@code max} in all, and then fails with the caller's diagnostics (job status files, log excerpts).
 * Progress, not a fixed time, tells a slow pipeline from a stuck one.
 */
final class Await {
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private Await() {}

    /** Polls {@code probe} every {@code poll} until {@code done} accepts its value; answers that value. */
    static <T> T until(
            String what,
            Duration poll,
            Duration stall,
            Duration max,
            Supplier<T> probe,
            Predicate<T> done,
            Supplier<String> diagnostics) {
        long started = System.nanoTime();
        long lastChange = started;
        long nextReport = started + REPORT_EVERY.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            long now = System.nanoTime();
            long seconds = Duration.ofNanos(now - started).toSeconds();
            if (now - lastChange > stall.toNanos() || now - started > max.toNanos()) {
                String why = now - started > max.toNanos()
                        ? "not within " + max.toSeconds() + "s"
                        : "no progress for " + stall.toSeconds() + "s";
                throw new AssertionError(
                        what + ": " + why + " (after " + seconds + "s); last seen: " + last + "\n" + diagnostics.get());
            }
            if (now >= nextReport) {
                System.out.println("waiting for " + what + " ... " + seconds + "s: " + last);
                nextReport = now + REPORT_EVERY.toNanos();
            }
            sleep(poll);
            T next = probe.get();
            if (!Objects.equals(next, last)) {
                lastChange = System.nanoTime();
            }
            last = next;
        }
        System.out.println(
                what + " after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s: " + last);
        return last;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
