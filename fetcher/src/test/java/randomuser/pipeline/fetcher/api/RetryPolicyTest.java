package randomuser.pipeline.fetcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesPerAttemptWithinTheJitterBand() {
        RetryPolicy lowest = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(300), () -> 0.0);
        RetryPolicy highest = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(300), () -> 0.999999);
        long[] full = {1000, 2000, 4000, 8000, 16000};
        for (int attempt = 1; attempt <= full.length; attempt++) {
            assertEquals(full[attempt - 1] / 2, lowest.backoff(attempt).toMillis());
            assertEquals(full[attempt - 1], highest.backoff(attempt).toMillis());
        }
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(50, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.999999);
        assertEquals(Duration.ofSeconds(10), policy.backoff(40));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(6, Optional.empty()));
    }

    @Test
    void retryAfterReplacesTheBackoffButNotTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(300), () -> 0.5);
        assertEquals(Duration.ofSeconds(7), policy.delayAfter(1, Optional.of(Duration.ofSeconds(7))));
        assertEquals(Duration.ZERO, policy.delayAfter(3, Optional.of(Duration.ZERO)));
        assertEquals(Duration.ofSeconds(300), policy.delayAfter(1, Optional.of(Duration.ofHours(2))));
    }

    @Test
    void retryAfterHeaderReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2025-01-02T03:04:05Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", now));
        assertEquals(Optional.of(Duration.ofSeconds(10)), RetryAfter.parse("Thu, 02 Jan 2025 03:04:15 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Thu, 02 Jan 2025 03:00:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
    }
}
