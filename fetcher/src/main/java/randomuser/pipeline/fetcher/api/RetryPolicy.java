package randomuser.pipeline.fetcher.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How many attempts a page gets and how long to wait between them: exponential backoff with "equal
 * jitter" (half of the delay fixed, half random) so that concurrent fetchers spread out yet never retry
 * at once; a server's {@code Retry-After} replaces the computed delay. Every wait is capped at
 * {@code maxDelay} (the live API's throttle window is five minutes, the default cap).
 *
 * @param jitter random numbers in [0, 1); injectable for exact tests
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier jitter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy of(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(
                maxAttempts,
                baseDelay,
                maxDelay,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait after {@code failedAttempts} failures: the server's Retry-After if given, else the backoff. */
    public Duration delayAfter(int failedAttempts, Optional<Duration> retryAfter) {
        Duration wanted = retryAfter.orElseGet(() -> backoff(failedAttempts));
        return wanted.compareTo(maxDelay) > 0 ? maxDelay : wanted;
    }

    /** base * 2^(failedAttempts-1), of which the upper half is random. */
    public Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        double full = Math.min(baseDelay.toMillis() * Math.pow(2, doublings), maxDelay.toMillis());
        double withJitter = full / 2 + full / 2 * jitter.getAsDouble();
        return Duration.ofMillis(Math.round(withJitter));
    }
}
