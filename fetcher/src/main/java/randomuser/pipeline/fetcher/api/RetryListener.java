package randomuser.pipeline.fetcher.api;

import java.time.Duration;

/** Told about every failed attempt that will be retried, so the operator sees why a page is slow. */
@FunctionalInterface
public interface RetryListener {

    RetryListener NONE = (page, attempt, maxAttempts, problem, delay) -> {};

    void retrying(int page, int failedAttempt, int maxAttempts, String problem, Duration delay);
}
