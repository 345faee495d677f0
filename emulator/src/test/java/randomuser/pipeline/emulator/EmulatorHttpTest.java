package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class EmulatorHttpTest {

    private static RandomUserEmulator emulator;
    private static HttpTestClient http;

    @BeforeAll
    static void start() {
        emulator = RandomUserEmulator.start("127.0.0.1", 0);
        http = new HttpTestClient(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void baseUrlHasTheBoundPortAndNoTrailingSlash() {
        assertTrue(emulator.port() > 0);
        assertEquals("http://127.0.0.1:" + emulator.port(), emulator.baseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/", "/api", "/api/1.4/", "/api/1.4"})
    void latestAndPinnedUrlsServeTheSameSeededUsers(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path + "?results=25&seed=urls&nat=gb,ir");
        assertEquals(200, response.statusCode());
        assertArrayEquals(
                ResponseGenerator.generateBytes(Query.parse("results=25&seed=urls&nat=gb,ir")), response.body());
    }

    @Test
    void jsonResponseHasTheLiveHeaders() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/1.4/?seed=h");
        assertEquals(
                Optional.of("application/json; charset=utf-8"),
                response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-cache"), response.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.empty(), response.headers().firstValue("Content-Disposition"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/9.9/",
                "/api/9.9",
                "/api/1.3/",
                "/api/1.0/",
                "/api/0.4.1/",
                "/api/1.4/extra",
                "/",
                "/apix",
                "/api/portraits/men/1.jpg"
            })
    void unknownVersionsAndPathsAreAPlainTextNotFound(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path);
        assertEquals(404, response.statusCode());
        assertEquals("Not Found", HttpTestClient.text(response));
        assertEquals(
                Optional.of("text/plain; charset=utf-8"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void otherMethodsThanGetAreNotFound() throws Exception {
        assertEquals(404, http.send("POST", "/api/").statusCode());
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        HttpResponse<byte[]> response = http.send("HEAD", "/api/?results=10&seed=head");
        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals(
                Optional.of("application/json; charset=utf-8"),
                response.headers().firstValue("Content-Type"));
    }

    @Test
    void gzipIsServedWhenAsked() throws Exception {
        String query = "/api/1.4/?results=200&seed=gzip";
        HttpResponse<byte[]> zipped = http.send(
                http.request(query).header("Accept-Encoding", "gzip, deflate").build());
        assertEquals(Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"));
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(http.get(query).body(), unzipped);
        assertTrue(zipped.body().length < unzipped.length / 2);
    }

    @Test
    void gzipCanBeSwitchedOff() throws Exception {
        try (RandomUserEmulator plain =
                RandomUserEmulator.start(new RandomUserEmulator.Settings("127.0.0.1", 0, 2, false))) {
            HttpTestClient client = new HttpTestClient(plain.baseUrl());
            HttpResponse<byte[]> response = client.send(client.request("/api/?results=20&seed=plain")
                    .header("Accept-Encoding", "gzip")
                    .build());
            assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
            assertArrayEquals(ResponseGenerator.generateBytes(Query.parse("results=20&seed=plain")), response.body());
        }
    }

    @Test
    void settingsAreValidated() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new RandomUserEmulator.Settings("127.0.0.1", 0, 0, true));
        assertEquals("threads must be at least 1, got 0", error.getMessage());
    }

    @Test
    void bodiesHaveAContentLength() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/?results=100&seed=length");
        assertEquals(
                Optional.of(Integer.toString(response.body().length)),
                response.headers().firstValue("Content-Length"));
    }

    @Test
    void gzipRefusedWithZeroQuality() {
        assertTrue(ApiHandler.acceptsGzip("br, gzip;q=0.5"));
        assertEquals(false, ApiHandler.acceptsGzip("gzip;q=0"));
        assertEquals(false, ApiHandler.acceptsGzip("identity"));
        assertEquals(false, ApiHandler.acceptsGzip(null));
    }

    @Test
    void prettyAndJsonpAreServedAsJson() throws Exception {
        HttpResponse<byte[]> pretty = http.get("/api/?results=2&seed=p&format=pretty");
        assertEquals(
                ResponseGenerator.generate(Query.parse("results=2&seed=p&format=pretty")), HttpTestClient.text(pretty));
        HttpResponse<byte[]> jsonp = http.get("/api/?seed=p&callback=cb");
        assertTrue(HttpTestClient.text(jsonp).startsWith("cb({\"results\":["));
        assertEquals(
                Optional.of("application/json; charset=utf-8"), jsonp.headers().firstValue("Content-Type"));
    }

    @Test
    void downloadSetsAnAttachmentName() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/?seed=d&dl");
        assertEquals(
                Optional.of("attachment; filename=download.json"),
                response.headers().firstValue("Content-Disposition"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "yaml", "xml"})
    void formatsOtherThanJsonAreNotEmulated(String format) throws Exception {
        HttpResponse<byte[]> response = http.get("/api/?format=" + format);
        assertEquals(501, response.statusCode());
        assertEquals(
                "format=" + format + " is not emulated; use json (default), pretty or prettyjson",
                HttpTestClient.text(response));
    }

    @Test
    void fiveThousandUsersInOneResponse() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/1.4/?results=5000&seed=big&page=7");
        assertEquals(
                5000, Json.parse(HttpTestClient.text(response)).get("results").size());
    }

    @Test
    void invalidParametersNeverFail() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/?results=abc&page=-4&nat=zz&gender=x&inc=bogus&seed=%25zz");
        assertEquals(200, response.statusCode());
        assertEquals(
                1, Json.parse(HttpTestClient.text(response)).at("/info/results").intValue());
    }

    @Test
    void adminHealthAndStats() throws Exception {
        HttpResponse<byte[]> health = http.get("/admin/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\",\"version\":\"1.4\"}", HttpTestClient.text(health));
        long before = emulator.stats().apiRequests();
        http.get("/api/?results=3&seed=stats");
        assertEquals(before + 1, emulator.stats().apiRequests());
        assertTrue(HttpTestClient.text(http.get("/admin/stats")).startsWith("{\"api_requests\":"));
        assertEquals(405, http.send("POST", "/admin/stats").statusCode());
        assertEquals(404, http.get("/admin/nothing").statusCode());
    }

    @Test
    void startingOnABusyPortFailsWithAClearMessage() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.UncheckedIOException.class, () -> RandomUserEmulator.start("127.0.0.1", emulator.port()));
        assertTrue(
                error.getMessage().startsWith("cannot listen on 127.0.0.1:" + emulator.port() + ": "),
                error.getMessage());
    }
}
