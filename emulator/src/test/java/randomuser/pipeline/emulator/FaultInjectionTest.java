package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class FaultInjectionTest {

    private static final String API = "/api/1.4/?results=6&seed=faults";
    private static RandomUserEmulator emulator;
    private static HttpTestClient http;
    private static byte[] normalBody;

    @BeforeAll
    static void start() {
        emulator = RandomUserEmulator.start("127.0.0.1", 0);
        http = new HttpTestClient(emulator.baseUrl());
        normalBody = ResponseGenerator.generateBytes(Query.parse("results=6&seed=faults"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void clearPlan() {
        emulator.faults().clear();
    }

    @Test
    void rateLimitIs429WithRetryAfterAndTheLiveMessage() throws Exception {
        HttpResponse<byte[]> response = http.get(API + "&fault=429&retry_after=7");
        assertEquals(429, response.statusCode());
        assertEquals(Optional.of("7"), response.headers().firstValue("Retry-After"));
        assertEquals(
                Optional.of("application/json; charset=utf-8"),
                response.headers().firstValue("Content-Type"));
        String error = Json.parse(HttpTestClient.text(response)).get("error").textValue();
        assertTrue(
                error.matches("Whoa, ease up there cowboy\\. You've requested \\d+ users in the last minute\\. "
                        + "Help us keep this service free and spare some bandwidth for other users please :\\)"),
                error);
    }

    @Test
    void rateLimitRetryAfterDefaultsToOneSecond() throws Exception {
        assertEquals(Optional.of("1"), http.get(API + "&fault=429").headers().firstValue("Retry-After"));
    }

    @ParameterizedTest
    @CsvSource({
        "500,500 Internal Server Error,nginx",
        "502,Error code 502,cloudflare",
        "503,503 Service Temporarily Unavailable,nginx",
        "504,Error code 504,cloudflare"
    })
    void serverErrorsAreHtmlPages(int status, String marker, String server) throws Exception {
        HttpResponse<byte[]> response = http.get(API + "&fault=" + status);
        assertEquals(status, response.statusCode());
        assertEquals(Optional.of("text/html; charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of(server), response.headers().firstValue("Server"));
        String body = HttpTestClient.text(response);
        assertTrue(body.contains("<html") && body.contains(marker), body);
        assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(body));
    }

    @Test
    void errorBodyIsTheDocumentedJsonWith200() throws Exception {
        HttpResponse<byte[]> response = http.get(API + "&fault=error");
        assertEquals(200, response.statusCode());
        assertEquals(
                "{\"error\":\"Uh oh, something has gone wrong. Please tweet us @randomapi about the issue. "
                        + "Thank you.\"}",
                HttpTestClient.text(response));
        assertEquals(500, http.get(API + "&fault=error&error_status=500").statusCode());
    }

    @Test
    void malformedIsTheNormalBodyCutShort() throws Exception {
        HttpResponse<byte[]> response = http.get(API + "&fault=malformed");
        assertEquals(200, response.statusCode());
        byte[] body = response.body();
        assertTrue(body.length > 0 && body.length < normalBody.length);
        assertArrayEquals(Arrays.copyOf(normalBody, body.length), body);
        assertThrows(IOException.class, () -> Json.MAPPER.readTree(body));
    }

    @Test
    void emptyHasNoResultsWhileInfoCountsTheAskedOnes() throws Exception {
        JsonNode response = Json.parse(HttpTestClient.text(http.get(API + "&fault=empty")));
        assertEquals(0, response.get("results").size());
        assertEquals(6, response.at("/info/results").intValue());
        assertEquals("faults", response.at("/info/seed").textValue());
    }

    @Test
    void shortServesTheFirstHalfOfTheUsers() throws Exception {
        JsonNode response = Json.parse(HttpTestClient.text(http.get(API + "&fault=short")));
        JsonNode normal = Json.parse(new String(normalBody, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(3, response.get("results").size());
        assertEquals(6, response.at("/info/results").intValue());
        for (int i = 0; i < 3; i++) {
            assertEquals(normal.at("/results/" + i), response.at("/results/" + i));
        }
    }

    @Test
    void slowDelaysThenAnswersNormally() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.get(API + "&fault=slow&delay_ms=400");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 400, "answered after " + elapsedMillis + " ms");
        assertArrayEquals(normalBody, response.body());
    }

    @Test
    void stallPausesMidBodyThenCompletes() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.get(API + "&fault=stall&delay_ms=400");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 400, "answered after " + elapsedMillis + " ms");
        assertEquals(200, response.statusCode());
        assertArrayEquals(normalBody, response.body());
    }

    @Test
    void disconnectDropsTheConnectionWithoutResponse() {
        assertThrows(IOException.class, () -> http.get(API + "&fault=disconnect"));
    }

    @Test
    void unknownFaultOrBadOptionIsA400WithTheChoices() throws Exception {
        HttpResponse<byte[]> response = http.get(API + "&fault=teapot");
        assertEquals(400, response.statusCode());
        assertEquals(
                "unknown fault 'teapot'; use one of: 429, 500, 502, 503, 504, error, malformed, empty, short, "
                        + "slow, stall, disconnect, none",
                HttpTestClient.text(response));
        assertEquals(
                "delay_ms must be an integer, got 'soon'",
                HttpTestClient.text(http.get(API + "&fault=slow&delay_ms=soon")));
    }

    @Test
    void adminPlanFailsTheNextRequestsThenServesNormally() throws Exception {
        HttpResponse<byte[]> queued = http.send("POST", "/admin/faults?fault=503&count=2");
        assertEquals(200, queued.statusCode());
        assertEquals(
                "{\"steps\":[{\"fault\":\"503\",\"remaining\":2,\"until_cleared\":false,\"retry_after\":1,"
                        + "\"delay_ms\":2000,\"error_status\":200}]}",
                HttpTestClient.text(queued));
        assertEquals(503, http.get(API).statusCode());
        assertEquals(503, http.get(API).statusCode());
        HttpResponse<byte[]> third = http.get(API);
        assertEquals(200, third.statusCode());
        assertArrayEquals(normalBody, third.body());
        assertEquals("{\"steps\":[]}", HttpTestClient.text(http.get("/admin/faults")));
    }

    @Test
    void adminStepsRunInOrder() throws Exception {
        http.send("POST", "/admin/faults?fault=503");
        http.send("POST", "/admin/faults?fault=429&retry_after=3");
        http.send("POST", "/admin/faults?fault=empty");
        assertEquals(503, http.get(API).statusCode());
        HttpResponse<byte[]> limited = http.get(API);
        assertEquals(429, limited.statusCode());
        assertEquals(Optional.of("3"), limited.headers().firstValue("Retry-After"));
        assertEquals(
                0, Json.parse(HttpTestClient.text(http.get(API))).get("results").size());
        assertEquals(
                6, Json.parse(HttpTestClient.text(http.get(API))).get("results").size());
    }

    @Test
    void adminUntilClearedThenDelete() throws Exception {
        http.send("POST", "/admin/faults?fault=error&count=-1");
        for (int i = 0; i < 3; i++) {
            assertTrue(HttpTestClient.text(http.get(API)).startsWith("{\"error\":"));
        }
        HttpResponse<byte[]> cleared = http.send("DELETE", "/admin/faults");
        assertEquals(200, cleared.statusCode());
        assertEquals("{\"steps\":[]}", HttpTestClient.text(cleared));
        assertArrayEquals(normalBody, http.get(API).body());
    }

    @Test
    void queryFaultTakesPrecedenceAndLeavesThePlanAlone() throws Exception {
        emulator.faults().add(Fault.of(FaultType.BAD_GATEWAY), 1);
        assertArrayEquals(normalBody, http.get(API + "&fault=none").body());
        assertEquals(429, http.get(API + "&fault=429").statusCode());
        assertEquals(502, http.get(API).statusCode());
        assertEquals(200, http.get(API).statusCode());
    }

    @Test
    void inProcessPlanIsTheSameAsTheAdminOne() throws Exception {
        emulator.faults().add(Fault.of(FaultType.SLOW).withDelayMillis(10), 1);
        emulator.faults().addUntilCleared(Fault.of(FaultType.INTERNAL_SERVER_ERROR));
        assertEquals(
                List.of(
                        new FaultPlan.Step(Fault.of(FaultType.SLOW).withDelayMillis(10), 1),
                        new FaultPlan.Step(Fault.of(FaultType.INTERNAL_SERVER_ERROR), -1)),
                emulator.faults().steps());
        assertTrue(HttpTestClient.text(http.get("/admin/faults")).contains("\"until_cleared\":true"));
        assertEquals(200, http.get(API).statusCode());
        assertEquals(500, http.get(API).statusCode());
        assertEquals(500, http.get(API).statusCode());
    }

    @Test
    void adminRejectsBadRequestsClearly() throws Exception {
        HttpResponse<byte[]> missing = http.send("POST", "/admin/faults");
        assertEquals(400, missing.statusCode());
        assertTrue(HttpTestClient.text(missing).startsWith("give the fault to queue: fault=429|500|"));
        HttpResponse<byte[]> badCount = http.send("POST", "/admin/faults?fault=503&count=two");
        assertEquals(400, badCount.statusCode());
        assertEquals("count must be an integer, got 'two'", HttpTestClient.text(badCount));
        assertEquals(400, http.send("POST", "/admin/faults?fault=503&count=0").statusCode());
        assertEquals(
                400,
                http.send("POST", "/admin/faults?fault=slow&delay_ms=999999999").statusCode());
        assertEquals(405, http.send("PATCH", "/admin/faults").statusCode());
        assertEquals(List.of(), emulator.faults().steps());
    }

    @Test
    void faultsAreCounted() throws Exception {
        long before = emulator.stats().faultsServed();
        http.get(API + "&fault=503");
        assertEquals(before + 1, emulator.stats().faultsServed());
    }
}
