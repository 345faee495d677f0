package randomuser.pipeline.fetcher.cli;

import java.time.Duration;

import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

import randomuser.pipeline.fetcher.api.ApiSettings;
import randomuser.pipeline.fetcher.api.RetryPolicy;

/** The flags that say how the fetcher talks to the API: each one's default, its check and its setting. */
final class ApiOptions {

    static final int MAX_ATTEMPTS = 100;
    static final int MAX_CONCURRENCY = 16;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            defaultValue = "https://randomuser.me",
            order = 30,
            description = "API base URL (env RANDOMUSER_API_URL). Default: ${DEFAULT-VALUE}.")
    String apiUrl;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "5",
            order = 140,
            description = "Attempts per page, 1..100, retries included. Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "1",
            order = 150,
            description = "Pages fetched at once, 1..16; 1 is polite to the public API. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            order = 160,
            converter = DurationConverter.class,
            description = "HTTP connect timeout. Default: ${DEFAULT-VALUE}.")
    Duration connectTimeout;

    @Option(
            names = "--read-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            order = 170,
            converter = DurationConverter.class,
            description = "HTTP read timeout. Default: ${DEFAULT-VALUE}.")
    Duration readTimeout;

    @Option(
            names = "--retry-base-delay",
            paramLabel = "DURATION",
            defaultValue = "1s",
            order = 190,
            converter = DurationConverter.class,
            description = "First backoff delay; it doubles per attempt, with jitter. Default: ${DEFAULT-VALUE}.")
    Duration retryBaseDelay;

    @Option(
            names = "--retry-max-delay",
            paramLabel = "DURATION",
            defaultValue = "300s",
            order = 200,
            converter = DurationConverter.class,
            description = "Cap of any wait, Retry-After included. Default: ${DEFAULT-VALUE}.")
    Duration retryMaxDelay;

    ApiSettings toSettings() {
        FlagChecks.range("--max-attempts", maxAttempts, 1, MAX_ATTEMPTS, "");
        FlagChecks.range("--concurrency", concurrency, 1, MAX_CONCURRENCY, "");
        FlagChecks.positive("--connect-timeout", connectTimeout);
        FlagChecks.positive("--read-timeout", readTimeout);
        FlagChecks.positive("--retry-max-delay", retryMaxDelay);
        if (retryBaseDelay.isNegative()) {
            throw FetcherException.usage("--retry-base-delay must not be negative");
        }
        return new ApiSettings(
                baseUrl(),
                connectTimeout,
                readTimeout,
                concurrency,
                RetryPolicy.of(maxAttempts, retryBaseDelay, retryMaxDelay));
    }

    private HttpUrl baseUrl() {
        HttpUrl url = apiUrl == null ? null : HttpUrl.parse(apiUrl.trim());
        if (url == null) {
            throw FetcherException.usage(
                    "--api-url '" + apiUrl + "' is not an http:// or https:// URL " + "(flag or RANDOMUSER_API_URL)");
        }
        return url;
    }
}
