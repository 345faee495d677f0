package randomuser.pipeline.fetcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.fetcher.support.Fixtures;
import randomuser.pipeline.fetcher.support.RecordingSleeper;

/** HTTP behaviour against each fault the live API is known to produce. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PageFetcherTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");
    private static final int RESULTS = 5;

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void usablePageOnTheFirstAttempt() throws Exception {
        server.enqueue(ok(RESULTS));
        FetchedPage page = fetcher(5).fetch(query(2));
        assertEquals(2, page.page());
        assertEquals(1, page.attempts());
        assertEquals(RESULTS, page.body().users().size());
        assertEquals(NOW, page.receivedAt());
        assertEquals(
                "/api/1.4/?results=5&page=2&seed=abc&nat=GB,NO",
                server.takeRequest().getPath());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void rateLimitedRequestWaitsAsLongAsRetryAfterSays() throws Exception {
        server.enqueue(
                new MockResponse()
                        .setResponseCode(429)
                        .setHeader("Retry-After", "7")
                        .setHeader("Content-Type", "application/json")
                        .setBody(
                                "{\"error\":\"Whoa, ease up there cowboy. You've requested 20000 users in the last minute.\"}"));
        server.enqueue(ok(RESULTS));
        FetchedPage page = fetcher(5).fetch(query(1));
        assertEquals(2, page.attempts());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits());
        assertEquals(
                List.of("page 1 attempt 1/5: HTTP 429 (application/json): {\"error\":\"Whoa, ease up there "
                        + "cowboy. You've requested 20000 users in the last minute.\"} -> 7000 ms"),
                retries);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void serviceUnavailableWithRetryAfterIsHonouredToo() throws Exception {
        server.enqueue(html(503, "Service Not Available").setHeader("Retry-After", "3"));
        server.enqueue(ok(RESULTS));
        assertEquals(2, fetcher(5).fetch(query(1)).attempts());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits());
    }

    @Test
    void serverErrorsWithHtmlBodiesAreRetriedWithExponentialBackoff() throws Exception {
        server.enqueue(html(500, "Internal Server Error"));
        server.enqueue(html(502, "502 Bad Gateway"));
        server.enqueue(html(503, "503 Service Unavailable"));
        server.enqueue(ok(RESULTS));
        FetchedPage page = fetcher(5).fetch(query(1));
        assertEquals(4, page.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits());
        assertEquals(
                List.of(
                        "page 1 attempt 1/5: HTTP 500 (text/html): <html> <body> <h1>Internal Server Error</h1> </body> </html> -> 1000 ms",
                        "page 1 attempt 2/5: HTTP 502 (text/html): <html> <body> <h1>502 Bad Gateway</h1> </body> </html> -> 2000 ms",
                        "page 1 attempt 3/5: HTTP 503 (text/html): <html> <body> <h1>503 Service Unavailable</h1> </body> </html> -> 4000 ms"),
                retries);
    }

    @Test
    void givesUpAfterMaxAttemptsSayingWhatTheApiReturned() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(html(504, "504 Gateway Time-out"));
        }
        PageFetchException failure =
                assertThrows(PageFetchException.class, () -> fetcher(3).fetch(query(4)));
        assertEquals(PageFetchException.Kind.RETRIES_EXHAUSTED, failure.kind());
        assertEquals(3, failure.attempts());
        assertEquals(
                "page 4: no usable response after 3 attempts (--max-attempts 3); the last attempt got HTTP 504 "
                        + "(text/html): <html> <body> <h1>504 Gateway Time-out</h1> </body> </html> [" + server.url("/")
                        + "api/1.4/?results=5&page=4&seed=abc&nat=GB,NO]",
                failure.getMessage());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits());
    }

    @Test
    void slowResponseTimesOutAndIsRetried() throws Exception {
        server.enqueue(ok(RESULTS).setHeadersDelay(1, TimeUnit.SECONDS));
        server.enqueue(ok(RESULTS));
        FetchedPage page = fetcher(5).fetch(query(1));
        assertEquals(2, page.attempts());
        assertEquals(1, retries.size());
        assertTrue(
                retries.get(0).startsWith("page 1 attempt 1/5: a timeout (connect 2 s, read 300 ms): "),
                retries.get(0));
    }

    @Test
    void responseCutOffMidBodyIsRetried() throws Exception {
        server.enqueue(ok(RESULTS).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(ok(RESULTS));
        assertEquals(2, fetcher(5).fetch(query(1)).attempts());
    }

    @Test
    void errorBodyWithStatus200IsRetried() throws Exception {
        server.enqueue(json(
                200,
                "{\"error\":\"Uh oh, something has gone wrong. Please tweet us @randomapi about the "
                        + "issue. Thank you.\"}"));
        server.enqueue(ok(RESULTS));
        assertEquals(2, fetcher(5).fetch(query(1)).attempts());
        assertEquals(
                List.of("page 1 attempt 1/5: HTTP 200 with an error: Uh oh, something has gone wrong. Please "
                        + "tweet us @randomapi about the issue. Thank you. -> 1000 ms"),
                retries);
    }

    @Test
    void malformedJsonIsRetriedThenFailsClearly() {
        server.enqueue(json(200, "{\"results\":[{\"gender\":\"male\",\"name\":"));
        server.enqueue(json(200, "{\"results\":[{\"gender\":\"male\",\"name\":"));
        PageFetchException failure =
                assertThrows(PageFetchException.class, () -> fetcher(2).fetch(query(1)));
        assertEquals(2, failure.attempts());
        assertTrue(
                failure.getMessage()
                        .contains("the last attempt got HTTP 200 with a body that is not JSON: "
                                + "{\"results\":[{\"gender\":\"male\",\"name\":"),
                failure.getMessage());
    }

    @Test
    void emptyAndShortResultsAreRetried() throws Exception {
        server.enqueue(json(
                200,
                "{\"results\":[],\"info\":{\"seed\":\"d3adb33f\",\"results\":1,\"page\":1," + "\"version\":\"1.4\"}}"));
        server.enqueue(json(200, Fixtures.response(RESULTS - 2, 1, "abc")));
        server.enqueue(ok(RESULTS));
        FetchedPage page = fetcher(5).fetch(query(1));
        assertEquals(3, page.attempts());
        assertEquals(
                List.of(
                        "page 1 attempt 1/5: HTTP 200 with an empty results array (5 users expected) -> 1000 ms",
                        "page 1 attempt 2/5: HTTP 200 with only 3 of 5 users -> 2000 ms"),
                retries);
    }

    @Test
    void unknownVersionIsNotRetried() {
        server.enqueue(new MockResponse()
                .setResponseCode(404)
                .setHeader("Content-Type", "text/plain")
                .setBody("Not Found"));
        PageFetchException failure =
                assertThrows(PageFetchException.class, () -> fetcher(5).fetch(query(1)));
        assertEquals(PageFetchException.Kind.NOT_FOUND, failure.kind());
        assertEquals(1, failure.attempts());
        assertEquals(
                "page 1: " + server.url("/") + " answered HTTP 404 (text/plain): Not Found for API version 1.4; "
                        + "check --api-url and --api-version (known versions: 1.0, 1.1, 1.2, 1.3, 1.4)",
                failure.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.waits());
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("Forbidden"));
        PageFetchException failure =
                assertThrows(PageFetchException.class, () -> fetcher(5).fetch(query(1)));
        assertEquals(PageFetchException.Kind.REJECTED, failure.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void connectionRefusedIsRetriedAsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PageFetcher fetcher = new PageFetcher(
                PageFetcher.httpClient(Duration.ofSeconds(2), Duration.ofMillis(300)),
                HttpUrl.get("http://127.0.0.1:" + closedPort),
                policy(3),
                sleeper,
                this::recordRetry,
                Clock.fixed(NOW, ZoneOffset.UTC));
        PageFetchException failure = assertThrows(PageFetchException.class, () -> fetcher.fetch(query(1)));
        assertEquals(PageFetchException.Kind.RETRIES_EXHAUSTED, failure.kind());
        assertEquals(3, failure.attempts());
        assertTrue(
                failure.getMessage().contains("the last attempt got a connection error: ConnectException"),
                failure.getMessage());
        assertEquals(2, sleeper.waits().size());
    }

    private PageFetcher fetcher(int maxAttempts) {
        return new PageFetcher(
                PageFetcher.httpClient(Duration.ofSeconds(2), Duration.ofMillis(300)),
                server.url("/"),
                policy(maxAttempts),
                sleeper,
                this::recordRetry,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Jitter pinned to the top of the band so the expected waits are exact: 1 s, 2 s, 4 s... */
    private static RetryPolicy policy(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(300), () -> 1.0);
    }

    private void recordRetry(int page, int attempt, int max, String problem, Duration delay) {
        retries.add("page " + page + " attempt " + attempt + "/" + max + ": " + problem + " -> " + delay.toMillis()
                + " ms");
    }

    private static PageQuery query(int page) {
        return new UserQuery(
                        ApiVersion.V1_4,
                        RESULTS,
                        Optional.of("abc"),
                        List.of("GB", "NO"),
                        Optional.empty(),
                        List.of(),
                        List.of())
                .forPage(page);
    }

    private static MockResponse ok(int users) {
        return json(200, Fixtures.response(users, 1, "abc"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    private static MockResponse html(int code, String title) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "text/html")
                .setBody("<html>\n<body>\n<h1>" + title + "</h1>\n</body>\n</html>\n");
    }
}
