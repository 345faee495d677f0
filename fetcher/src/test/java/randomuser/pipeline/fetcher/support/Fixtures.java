package randomuser.pipeline.fetcher.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hand-written API data: {@code responses/all-nationalities-1.4.json} holds one v1.4 user per nationality
 * with the type quirks of the API notes (integer vs string postcodes, null id.value for IR/NZ/TR/UA, string
 * coordinates, the FI id bug, letters in CA/UA phones, CH titles, Persian IR names, trailing spaces) and
 * marked secrets ({@code ...secret...}) in every login.
 */
public final class Fixtures {

    public static final String ALL_NATIONALITIES = "responses/all-nationalities-1.4.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode allNationalities() {
        try {
            return (ObjectNode) MAPPER.readTree(bytes(ALL_NATIONALITIES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> users() {
        List<JsonNode> users = new ArrayList<>();
        allNationalities().get("results").forEach(users::add);
        return users;
    }

    public static ObjectNode user(String nat) {
        return (ObjectNode) users().stream()
                .filter(u -> u.get("nat").asText().equals(nat))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture user for " + nat))
                .deepCopy();
    }

    /**
     * A response of {@code count} users cycling through the fixture nationalities, with distinct uuids,
     * as the API would answer {@code results=count&page=page&seed=seed}.
     */
    public static String response(int count, int page, String seed) {
        List<JsonNode> users = users();
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (int i = 0; i < count; i++) {
            ObjectNode user = (ObjectNode) users.get(i % users.size()).deepCopy();
            ((ObjectNode) user.get("login")).put("uuid", String.format("%08d-0000-4000-8000-%012d", page, i));
            results.add(user);
        }
        ObjectNode info = root.putObject("info");
        info.put("seed", seed);
        info.put("results", count);
        info.put("page", page);
        info.put("version", "1.4");
        return root.toString();
    }

    public static String json(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
