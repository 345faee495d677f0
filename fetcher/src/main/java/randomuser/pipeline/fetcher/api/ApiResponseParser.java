package randomuser.pipeline.fetcher.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import randomuser.pipeline.fetcher.mapping.UserLeaves;

/**
 * Checks a response body against the failures the live API is known to produce (non-JSON error pages,
 * {@code {"error": ...}} bodies, an empty or short {@code results} array) so none of them is ever
 * mapped into records. The exception message says what the body was.
 */
public final class ApiResponseParser {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param expectedUsers users asked for; 0 when unknown (a saved response), then {@code info.results}
     *                      is the expectation if present
     */
    public ApiPage parse(byte[] body, int expectedUsers) throws InvalidResponseException {
        Body parsed = read(body);
        if (parsed.error() != null) {
            JsonNode error = parsed.error();
            throw new InvalidResponseException(
                    "an error: " + Snippets.of(error.isTextual() ? error.asText() : error.toString()));
        }
        List<UserLeaves> results = parsed.results();
        if (results == null) {
            throw new InvalidResponseException("JSON without a results array: " + Snippets.of(body));
        }
        ApiInfo info = ApiInfo.from(parsed.info());
        int expected = expectedUsers > 0 ? expectedUsers : info.results().orElse(results.size());
        if (results.isEmpty()) {
            throw new InvalidResponseException(
                    "an empty results array" + (expected > 0 ? " (" + expected + " users expected)" : ""));
        }
        if (results.size() < expected) {
            throw new InvalidResponseException("only " + results.size() + " of " + expected + " users");
        }
        return new ApiPage(List.copyOf(results), info);
    }

    /**
     * The parts of a body the checks look at, read in one pass. The users are reduced as they are read, so the
     * page is never held as a tree; a duplicated member counts with its last value, as in the tree model.
     *
     * @param results {@code null} when the body has no {@code results} array
     */
    private record Body(JsonNode error, List<UserLeaves> results, JsonNode info) {}

    private Body read(byte[] body) throws InvalidResponseException {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidResponseException("an empty body");
            }
            if (first != JsonToken.START_OBJECT) {
                JsonNode root = first == JsonToken.VALUE_NULL ? NullNode.getInstance() : parser.readValueAsTree();
                requireEnd(parser);
                throw new InvalidResponseException("a JSON "
                        + root.getNodeType().name().toLowerCase() + " instead of an object: " + Snippets.of(body));
            }
            JsonNode error = null;
            List<UserLeaves> results = null;
            JsonNode info = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "error" -> error = tree(parser, token);
                    case "info" -> info = tree(parser, token);
                    case "results" -> results = token == JsonToken.START_ARRAY ? readUsers(parser) : skip(parser);
                    default -> parser.skipChildren();
                }
            }
            requireEnd(parser);
            return new Body(error, results, info);
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException("a body that is not JSON: " + Snippets.of(body));
        } catch (IOException e) {
            throw new InvalidResponseException("an unreadable body: " + e.getMessage());
        }
    }

    private static List<UserLeaves> readUsers(JsonParser parser) throws IOException {
        List<UserLeaves> users = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT) {
                users.add(UserLeaves.read(parser));
            } else {
                parser.skipChildren();
                users.add(UserLeaves.notAnObject());
            }
        }
        return users;
    }

    /** Skips a {@code results} member that is not an array: then the body has no results array. */
    private static List<UserLeaves> skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    private static JsonNode tree(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NULL ? NullNode.getInstance() : parser.readValueAsTree();
    }

    /** Anything after the top-level value makes the body not JSON, as for a strict parse of the whole. */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "content after the top-level value");
        }
    }
}
