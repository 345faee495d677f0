package randomuser.pipeline.testsupport;

import java.time.Duration;
import java.time.Instant;

/** Waits of the long-running benchmarks and soaks, which pace themselves by the clock. */
public final class Sleep {
    private Sleep() {}

    /** Sleeps until {@code when} (not at all when it has passed); an interrupt ends the run. */
    public static void until(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
