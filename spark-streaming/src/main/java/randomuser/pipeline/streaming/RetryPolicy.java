package randomuser.pipeline.streaming;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff.
 *
 * @param maxAttempts    attempts in all, at least 1
 * @param initialBackoff wait before the second attempt; each later wait doubles
 * @param maxBackoff     cap of a single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Sum of all waits when every attempt fails: how long an outage the retries ride out. */
    public Duration totalBackoff() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(backoffAfter(attempt));
        }
        return total;
    }
}
