package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(
                List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L),
                IntStream.rangeClosed(1, 9)
                        .mapToObj(policy::backoffAfter)
                        .map(Duration::toSeconds)
                        .toList());
        assertEquals(Duration.ofSeconds(151), policy.totalBackoff());
    }

    @Test
    void oneAttemptMeansNoWait() {
        assertEquals(Duration.ZERO, new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).totalBackoff());
    }

    @Test
    void nonsenseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }
}
