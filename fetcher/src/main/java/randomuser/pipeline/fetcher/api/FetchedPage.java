package randomuser.pipeline.fetcher.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A page as it was received.
 *
 * @param page       the page number asked for
 * @param attempts   requests it took (1 when the first one was usable)
 * @param receivedAt when the usable response arrived: the records' {@code fetched_at}
 * @param elapsed    time spent on this page, retries and waits included
 */
public record FetchedPage(int page, ApiPage body, int attempts, Instant receivedAt, Duration elapsed) {}
