package randomuser.pipeline.fetcher.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.fetcher.support.Fixtures;

class ApiResponseParserTest {

    private final ApiResponseParser parser = new ApiResponseParser();

    @Test
    void usableResponseGivesUsersAndInfo() throws Exception {
        ApiPage page = parser.parse(Fixtures.response(3, 2, "abc").getBytes(StandardCharsets.UTF_8), 3);
        assertEquals(3, page.users().size());
        assertEquals(new ApiInfo(Optional.of("abc"), Optional.of(3), Optional.of(2), Optional.of("1.4")), page.info());
    }

    @Test
    void responseWithoutInfoIsUsable() throws Exception {
        ApiPage page = parser.parse("{\"results\":[{\"gender\":\"male\"}]}".getBytes(StandardCharsets.UTF_8), 0);
        assertEquals(1, page.users().size());
        assertEquals(ApiInfo.NONE, page.info());
    }

    @Test
    void eachKnownFailureIsRejectedWithWhatTheBodyWas() {
        assertEquals(
                "a body that is not JSON: <html><body><h1>502 Bad Gateway</h1></body></html>",
                reason("<html><body><h1>502 Bad Gateway</h1></body></html>", 5));
        assertEquals("a body that is not JSON: {\"results\":[{\"gender\":", reason("{\"results\":[{\"gender\":", 5));
        assertEquals("a body that is not JSON: {\"results\":[]} trailing", reason("{\"results\":[]} trailing", 5));
        assertEquals("an empty body", reason("", 5));
        assertEquals(
                "an error: Uh oh, something has gone wrong.",
                reason("{\"error\":\"Uh oh, something has gone wrong.\"}", 5));
        assertEquals(
                "an empty results array (1 users expected)",
                reason(
                        "{\"results\":[],\"info\":{\"seed\":\"d3adb33f\",\"results\":1,\"page\":1,\"version\":\"1.4\"}}",
                        0));
        assertEquals("an empty results array (5 users expected)", reason("{\"results\":[]}", 5));
        assertEquals("only 3 of 5 users", reason(Fixtures.response(3, 1, "s"), 5));
        assertEquals("JSON without a results array: {\"info\":{}}", reason("{\"info\":{}}", 5));
        assertEquals("a JSON array instead of an object: [1,2]", reason("[1,2]", 5));
    }

    @Test
    void savedResponseIsCheckedAgainstItsOwnInfo() {
        String claimsFive = Fixtures.response(3, 1, "s").replace("\"results\":3", "\"results\":5");
        assertEquals("only 3 of 5 users", reason(claimsFive, 0));
    }

    private String reason(String body, int expected) {
        return assertThrows(
                        InvalidResponseException.class,
                        () -> parser.parse(body.getBytes(StandardCharsets.UTF_8), expected))
                .getMessage();
    }
}
