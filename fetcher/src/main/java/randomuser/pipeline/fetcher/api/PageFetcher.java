package randomuser.pipeline.fetcher.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches one page with bounded retries. Retried: 429 (waiting as long as {@code Retry-After} says),
 * 408 and 5xx, timeouts, connection errors, and 2xx bodies the parser rejects (not JSON, an
 * {@code error} field, fewer users than asked). Not retried: 404 (no such API version at that address)
 * and other 4xx statuses.
 */
public final class PageFetcher {

    private static final String USER_AGENT = "randomuser-pipeline-fetcher";
    private static final long MAX_ERROR_BODY_BYTES = 2048;

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RetryListener listener;
    private final Clock clock;
    private final ApiResponseParser parser = new ApiResponseParser();

    public PageFetcher(
            OkHttpClient client,
            HttpUrl baseUrl,
            RetryPolicy policy,
            Sleeper sleeper,
            RetryListener listener,
            Clock clock) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.policy = policy;
        this.sleeper = sleeper;
        this.listener = listener;
        this.clock = clock;
    }

    /** An HTTP client with the given timeouts and no silent retries of its own, so attempts are exact. */
    public static OkHttpClient httpClient(Duration connectTimeout, Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .retryOnConnectionFailure(false)
                .build();
    }

    public FetchedPage fetch(PageQuery query) throws PageFetchException, InterruptedException {
        HttpUrl url = ApiUrls.pageUrl(baseUrl, query);
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .build();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(request, query.users().results());
            if (outcome.page() != null) {
                return new FetchedPage(
                        query.page(),
                        outcome.page(),
                        attempt,
                        clock.instant(),
                        Duration.ofNanos(System.nanoTime() - started));
            }
            if (outcome.stop() != null) {
                throw new PageFetchException(outcome.stop(), attempt, stopMessage(query, url, outcome));
            }
            if (attempt >= policy.maxAttempts()) {
                throw new PageFetchException(
                        PageFetchException.Kind.RETRIES_EXHAUSTED,
                        attempt,
                        "page " + query.page() + ": no usable response after " + attempt + " attempt"
                                + (attempt == 1 ? "" : "s") + " (--max-attempts " + policy.maxAttempts()
                                + "); the last attempt got " + outcome.problem() + " [" + url + "]");
            }
            Duration delay = policy.delayAfter(attempt, outcome.retryAfter());
            listener.retrying(query.page(), attempt, policy.maxAttempts(), outcome.problem(), delay);
            sleeper.sleep(delay);
        }
    }

    private Outcome attempt(Request request, int expectedUsers) throws InterruptedException {
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            if (response.isSuccessful()) {
                byte[] body = response.body().bytes();
                try {
                    return Outcome.usable(parser.parse(body, expectedUsers));
                } catch (InvalidResponseException e) {
                    return Outcome.retryable("HTTP " + code + " with " + e.getMessage(), Optional.empty());
                }
            }
            String problem = "HTTP " + code + contentType(response) + ": "
                    + Snippets.of(response.peekBody(MAX_ERROR_BODY_BYTES).string());
            if (code == 429 || code == 503) {
                return Outcome.retryable(problem, RetryAfter.parse(response.header("Retry-After"), clock.instant()));
            }
            if (code == 408 || code >= 500) {
                return Outcome.retryable(problem, Optional.empty());
            }
            if (code == 404) {
                return Outcome.stop(PageFetchException.Kind.NOT_FOUND, problem);
            }
            return Outcome.stop(PageFetchException.Kind.REJECTED, problem);
        } catch (SocketTimeoutException e) {
            return Outcome.retryable(
                    "a timeout (connect " + seconds(client.connectTimeoutMillis()) + ", read "
                            + seconds(client.readTimeoutMillis()) + "): " + e.getMessage(),
                    Optional.empty());
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while fetching");
            }
            return Outcome.retryable("an interrupted transfer: " + e.getMessage(), Optional.empty());
        } catch (IOException e) {
            return Outcome.retryable(
                    "a connection error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
        }
    }

    private String stopMessage(PageQuery query, HttpUrl url, Outcome outcome) {
        if (outcome.stop() == PageFetchException.Kind.NOT_FOUND) {
            return "page " + query.page() + ": " + baseUrl + " answered " + outcome.problem()
                    + " for API version " + query.users().version().code()
                    + "; check --api-url and --api-version (known versions: " + ApiVersion.knownCodes() + ")";
        }
        return "page " + query.page() + ": the API refused the request with " + outcome.problem() + " [" + url + "]";
    }

    private static String contentType(Response response) {
        MediaType type = response.body() == null ? null : response.body().contentType();
        return type == null ? "" : " (" + type.type() + "/" + type.subtype() + ")";
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** One attempt's result: a usable page, a retryable problem, or a problem that stops the fetch. */
    private record Outcome(ApiPage page, String problem, Optional<Duration> retryAfter, PageFetchException.Kind stop) {

        static Outcome usable(ApiPage page) {
            return new Outcome(page, null, Optional.empty(), null);
        }

        static Outcome retryable(String problem, Optional<Duration> retryAfter) {
            return new Outcome(null, problem, retryAfter, null);
        }

        static Outcome stop(PageFetchException.Kind kind, String problem) {
            return new Outcome(null, problem, Optional.empty(), kind);
        }
    }
}
