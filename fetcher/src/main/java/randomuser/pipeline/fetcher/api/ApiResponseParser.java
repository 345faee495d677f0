package randomuser.pipeline.fetcher.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a response body against the failures the live API is known to produce (non-JSON error pages,
 * {@code {"error": ...}} bodies, an empty or short {@code results} array) so none of them is ever
 * mapped into records. The exception message says what the body was.
 */
public final class ApiResponseParser {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * @param expectedUsers users asked for; 0 when unknown (a saved response), then {@code info.results}
     *                      is the expectation if present
     */
    public ApiPage parse(byte[] body, int expectedUsers) throws InvalidResponseException {
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw new InvalidResponseException("a JSON " + root.getNodeType().name().toLowerCase()
                    + " instead of an object: " + Snippets.of(body));
        }
        JsonNode error = root.get("error");
        if (error != null) {
            throw new InvalidResponseException("an error: " + Snippets.of(error.isTextual() ? error.asText()
                    : error.toString()));
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new InvalidResponseException("JSON without a results array: " + Snippets.of(body));
        }
        ApiInfo info = ApiInfo.from(root.get("info"));
        int expected = expectedUsers > 0 ? expectedUsers : info.results().orElse(results.size());
        if (results.isEmpty()) {
            throw new InvalidResponseException("an empty results array"
                    + (expected > 0 ? " (" + expected + " users expected)" : ""));
        }
        if (results.size() < expected) {
            throw new InvalidResponseException("only " + results.size() + " of " + expected + " users");
        }
        List<JsonNode> users = new ArrayList<>(results.size());
        results.forEach(users::add);
        return new ApiPage(List.copyOf(users), info);
    }

    private JsonNode readJson(byte[] body) throws InvalidResponseException {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new InvalidResponseException("an empty body");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException("a body that is not JSON: " + Snippets.of(body));
        } catch (IOException e) {
            throw new InvalidResponseException("an unreadable body: " + e.getMessage());
        }
    }
}
