package randomuser.pipeline.fetcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.support.CliRun;
import randomuser.pipeline.fetcher.support.Fixtures;

/** The whole command line in dry-run mode, against MockWebServer or saved responses: no Kafka needed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DryRunCliTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void dryRunWritesSixRecordsPerUserAsJsonLines() {
        server.setDispatcher(pagesOf(5, "abc"));
        CliRun run = CliRun.run(
                "--api-url", url(), "--results", "5", "--pages", "2", "--seed", "abc", "--run-id", "r1", "--dry-run");

        assertEquals(0, run.exitCode, run.toString());
        List<JsonNode> records = run.records();
        assertEquals(2 * 5 * 6, records.size());
        Map<String, Set<String>> keysByTopic = new LinkedHashMap<>();
        for (JsonNode record : records) {
            assertEquals(List.of("topic", "key", "value"), fieldNames(record));
            keysByTopic
                    .computeIfAbsent(record.get("topic").asText(), t -> new HashSet<>())
                    .add(record.get("key").asText());
            JsonNode value = record.get("value");
            assertEquals(record.get("key").asText(), value.get(Envelope.USER_ID).asText());
            assertEquals("r1", value.get(Envelope.RUN_ID).asText());
            assertEquals(
                    "2025-01-02T03:04:05.678Z", value.get(Envelope.FETCHED_AT).asText());
            assertEquals("abc", value.at("/source/seed").asText());
            assertEquals("1.4", value.at("/source/api_version").asText());
            assertEquals(
                    Envelope.SCHEMA_VERSION,
                    value.get(Envelope.SCHEMA_VERSION_FIELD).intValue());
        }
        assertEquals(Facet.topics(), new ArrayList<>(keysByTopic.keySet()));
        keysByTopic.values().forEach(keys -> assertEquals(10, keys.size()));
        assertEquals(
                Set.of(1, 2),
                Set.copyOf(records.stream()
                        .map(r -> r.at("/value/source/page").intValue())
                        .toList()));

        List<String> stderr = run.stderrLines();
        assertEquals(3, stderr.size(), run.stderr);
        assertTrue(
                stderr.get(0).startsWith("page 1/2: 5 users, 30 records sent, 0 skipped, 1 attempt, "), stderr.get(0));
        assertTrue(stderr.get(0).endsWith(" s, seed abc"), stderr.get(0));
        assertTrue(
                stderr.get(1).startsWith("page 2/2: 5 users, 30 records sent, 0 skipped, 1 attempt, "), stderr.get(1));
        assertTrue(
                stderr.get(2)
                        .startsWith("summary: run_id=r1 pages=2/2 users=10 skipped_no_uuid=0 skipped_invalid=0 "
                                + "records_acked=60 records_failed=0 [randomuser.profiles=10 randomuser.locations=10 "
                                + "randomuser.contacts=10 randomuser.accounts=10 randomuser.identities=10 randomuser.pictures=10] "
                                + "seconds="),
                stderr.get(2));
        assertTrue(stderr.get(2).matches(".* users_per_s=\\d+\\.\\d mb_per_s=\\d+\\.\\d\\d"), stderr.get(2));
    }

    @Test
    void secretsAreNeverInTheOutput() {
        server.setDispatcher(pagesOf(21, "abc"));
        CliRun run = CliRun.run("--api-url", url(), "--results", "21", "--seed", "abc", "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(21 * 6, run.records().size());
        for (String forbidden :
                List.of("secret", "SALT", "\"password\"", "\"salt\"", "\"md5\"", "\"sha1\"", "\"sha256\"")) {
            assertFalse(run.stdout.contains(forbidden), forbidden);
        }
    }

    @Test
    void apiUrlComesFromTheEnvironmentAndTheFlagWins() throws InterruptedException {
        server.setDispatcher(pagesOf(2, "abc"));
        CliRun fromEnv = CliRun.run(
                Map.of("RANDOMUSER_API_URL", url()), new byte[0], "--results", "2", "--seed", "abc", "--dry-run");
        assertEquals(0, fromEnv.exitCode, fromEnv.toString());
        assertEquals(1, server.getRequestCount());

        CliRun flagWins = CliRun.run(
                Map.of("RANDOMUSER_API_URL", "http://127.0.0.1:9"),
                new byte[0],
                "--api-url",
                url(),
                "--results",
                "2",
                "--seed",
                "abc",
                "--dry-run");
        assertEquals(0, flagWins.exitCode, flagWins.toString());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void requestCarriesEveryApiParameter() throws InterruptedException {
        server.setDispatcher(pagesOf(3, "abc"));
        CliRun run = CliRun.run(
                "--api-url",
                url(),
                "--results",
                "3",
                "--seed",
                "abc",
                "--nat",
                "gb, no",
                "--exc",
                "picture",
                "--api-version",
                "1.4",
                "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(
                "/api/1.4/?results=3&page=1&seed=abc&nat=GB,NO&exc=picture",
                server.takeRequest().getPath());
    }

    @Test
    void withoutASeedTheServersSeedIsRecorded() {
        server.setDispatcher(pagesOf(2, "5f2d0c1e9a8b7c6d"));
        CliRun run = CliRun.run("--api-url", url(), "--results", "2", "--gender", "female", "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        run.records()
                .forEach(r -> assertEquals(
                        "5f2d0c1e9a8b7c6d", r.at("/value/source/seed").asText()));
        assertTrue(run.stderrLines().get(0).endsWith("seed 5f2d0c1e9a8b7c6d"));
    }

    @Test
    void generatedRunIdIsUsedWhenNoneIsGiven() {
        server.setDispatcher(pagesOf(1, "abc"));
        CliRun run = CliRun.run("--api-url", url(), "--results", "1", "--seed", "abc", "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        String runId = run.records().get(0).at("/value/run_id").asText();
        assertTrue(runId.matches("fetch-20250102T030405Z-[0-9a-f]{8}"), runId);
    }

    @Test
    void retriesAreReportedAndWaitedForThroughTheInjectedSleeper() {
        server.enqueue(new MockResponse()
                .setResponseCode(429)
                .setHeader("Retry-After", "2")
                .setBody("{\"error\":\"Whoa, ease up there cowboy.\"}"));
        server.enqueue(new MockResponse().setBody(Fixtures.response(2, 1, "abc")));
        CliRun run = CliRun.run("--api-url", url(), "--results", "2", "--seed", "abc", "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of(Duration.ofSeconds(2)), run.sleeper.waits());
        assertEquals(
                "page 1: attempt 1/5 got HTTP 429: {\"error\":\"Whoa, ease up there cowboy.\"}; retrying in 2.0 s",
                run.stderrLines().get(0));
        assertTrue(run.stderrLines().get(1).startsWith("page 1/1: 2 users, 12 records sent, 0 skipped, 2 attempts, "));
    }

    @Test
    void aPageThatCannotBeFetchedFailsTheRunAfterDeliveringTheOthers() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String page = request.getRequestUrl().queryParameter("page");
                return "2".equals(page)
                        ? new MockResponse()
                                .setResponseCode(503)
                                .setHeader("Content-Type", "text/html")
                                .setBody("<html><body>503 Service Unavailable</body></html>")
                        : new MockResponse().setBody(Fixtures.response(4, Integer.parseInt(page), "abc"));
            }
        });
        CliRun run = CliRun.run(
                "--api-url",
                url(),
                "--results",
                "4",
                "--pages",
                "3",
                "--seed",
                "abc",
                "--max-attempts",
                "2",
                "--run-id",
                "r2",
                "--dry-run");

        assertEquals(1, run.exitCode, run.toString());
        assertEquals(4 * 6, run.records().size(), "page 1 was fetched and delivered");
        List<String> lines = run.stderrLines();
        assertTrue(lines.get(lines.size() - 2).startsWith("summary: run_id=r2 pages=1/3 users=4 "), lines.toString());
        assertEquals(
                "fetcher: page 2: no usable response after 2 attempts (--max-attempts 2); the last attempt got "
                        + "HTTP 503 (text/html): <html><body>503 Service Unavailable</body></html> [" + url()
                        + "api/1.4/?results=4&page=2&seed=abc]",
                lines.get(lines.size() - 1));
        assertEquals(3, server.getRequestCount(), "page 3 is not started after page 2 failed");
    }

    @Test
    void unknownApiVersionOnTheServerIsAUsageErrorWithoutRetries() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("Not Found"));
        CliRun run =
                CliRun.run("--api-url", url(), "--results", "2", "--seed", "abc", "--api-version", "1.0", "--dry-run");
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(1, server.getRequestCount());
        assertTrue(
                run.stderrLines()
                        .get(run.stderrLines().size() - 1)
                        .startsWith(
                                "fetcher: page 1: " + url()
                                        + " answered HTTP 404: Not Found for API version 1.0; check --api-url and --api-version"),
                run.stderr);
    }

    @Test
    void pagesAreFetchedConcurrentlyWhenAsked() {
        server.setDispatcher(pagesOf(3, "abc"));
        CliRun run = CliRun.run(
                "--api-url",
                url(),
                "--results",
                "3",
                "--pages",
                "6",
                "--seed",
                "abc",
                "--concurrency",
                "3",
                "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(6 * 3 * 6, run.records().size());
        assertEquals(
                6,
                run.stderrLines().stream()
                        .filter(l -> l.matches("page \\d/6: 3 users, .*"))
                        .count());
        assertEquals(
                Set.of(1, 2, 3, 4, 5, 6),
                Set.copyOf(run.records().stream()
                        .map(r -> r.at("/value/source/page").intValue())
                        .toList()));
    }

    @Test
    void savedResponseIsReplayedWithoutNetworkOrKafka(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("response.json");
        Files.write(input, Fixtures.bytes(Fixtures.ALL_NATIONALITIES));
        CliRun run = CliRun.run(
                "--input",
                input.toString(),
                "--dry-run",
                "--run-id",
                "replay",
                "--bootstrap-servers",
                "127.0.0.1:1",
                "--api-url",
                "http://127.0.0.1:1",
                "--seed",
                "not-the-file's");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(21 * 6, run.records().size());
        JsonNode first = run.records().get(0).get("value");
        assertEquals("56d27f4a53bd5441", first.at("/source/seed").asText(), "the file's own info.seed wins");
        assertEquals(1, first.at("/source/page").intValue());
        assertEquals("replay", first.get("run_id").asText());
    }

    @Test
    void savedResponseIsReadFromStdin() {
        CliRun run = CliRun.run(
                Map.of(), Fixtures.response(3, 4, "xyz").getBytes(StandardCharsets.UTF_8), "--input", "-", "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(18, run.records().size());
        assertEquals(4, run.records().get(0).at("/value/source/page").intValue(), "the response's own page number");
    }

    @Test
    void invalidSavedResponseEndsWithOneLineAndExitCode1(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("error.html");
        Files.writeString(input, "<html>\n<head><title>502 Bad Gateway</title></head>\n</html>\n");
        CliRun run = CliRun.run("--input", input.toString(), "--dry-run");
        assertEquals(1, run.exitCode, run.toString());
        assertEquals(
                List.of("fetcher: --input " + input + " is not a Random User API response: it holds a body that "
                        + "is not JSON: <html> <head><title>502 Bad Gateway</title></head> </html>"),
                run.stderrLines());
        assertEquals("", run.stdout);

        CliRun errorBody = CliRun.run(
                Map.of(), "{\"error\":\"Uh oh\"}".getBytes(StandardCharsets.UTF_8), "--input", "-", "--dry-run");
        assertEquals(1, errorBody.exitCode);
        assertEquals(
                List.of("fetcher: --input stdin is not a Random User API response: it holds an error: Uh oh"),
                errorBody.stderrLines());
    }

    @Test
    void usersWithoutUuidAreCountedAndReportedNotProduced() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode response = Fixtures.allNationalities();
        ((com.fasterxml.jackson.databind.node.ObjectNode) response.at("/results/3/login")).remove("uuid");
        CliRun run = CliRun.run(
                Map.of(),
                Fixtures.json(response).getBytes(StandardCharsets.UTF_8),
                "--input",
                "-",
                "--dry-run",
                "--run-id",
                "r3");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(20 * 6, run.records().size());
        assertEquals(
                "page 1: a user without a key is skipped: no login.uuid (missing)",
                run.stderrLines().get(0));
        assertTrue(run.stderrLines().get(1).startsWith("page 1/1: 20 users, 120 records sent, 1 skipped, "));
        assertTrue(
                run.stderrLines()
                        .get(2)
                        .startsWith("summary: run_id=r3 pages=1/1 users=20 skipped_no_uuid=1 "
                                + "skipped_invalid=0 records_acked=120 records_failed=0 "),
                run.stderr);
    }

    @Test
    void includedFieldsOnlyProduceTheFacetsTheyFeed() throws InterruptedException {
        com.fasterxml.jackson.databind.node.ObjectNode response =
                (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.allNationalities();
        response.withArray("results")
                .forEach(user -> ((com.fasterxml.jackson.databind.node.ObjectNode) user)
                        .retain("login", "email", "phone", "cell"));
        server.enqueue(new MockResponse().setBody(Fixtures.json(response)));
        CliRun run = CliRun.run("--api-url", url(), "--results", "21", "--inc", "login,email,phone,cell", "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(21 * 2, run.records().size());
        assertEquals(
                Set.of("randomuser.contacts", "randomuser.accounts"),
                Set.copyOf(
                        run.records().stream().map(r -> r.get("topic").asText()).toList()));
        assertEquals(
                "/api/1.4/?results=21&page=1&inc=login,email,phone,cell",
                server.takeRequest().getPath());
    }

    private String url() {
        return server.url("/").toString();
    }

    /** Answers every page request with {@code results} users of that page. */
    private static Dispatcher pagesOf(int results, String seed) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                HttpUrl url = request.getRequestUrl();
                int page = Integer.parseInt(url.queryParameter("page"));
                return new MockResponse()
                        .setHeader("Content-Type", "application/json")
                        .setBody(Fixtures.response(results, page, seed));
            }
        };
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
