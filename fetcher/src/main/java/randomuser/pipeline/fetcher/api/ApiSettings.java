package randomuser.pipeline.fetcher.api;

import java.time.Duration;

import okhttp3.HttpUrl;

/**
 * How the fetcher talks to the API: where it is, how long a connection and a response may take, how many
 * pages are in flight at once, and how failed requests are retried.
 */
public record ApiSettings(
        HttpUrl baseUrl, Duration connectTimeout, Duration readTimeout, int concurrency, RetryPolicy retries) {}
