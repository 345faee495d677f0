package randomuser.pipeline.streaming;

import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/** Facet values as the fetcher produces them, built from the catalogue's own paths and types. */
final class FacetValues {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TIMESTAMP_SAMPLE = "2001-05-28T10:00:00.000Z";
    static final String FETCHED_AT = "2024-03-01T11:59:58.123Z";

    private FacetValues() {}

    /** A valid value for any facet: every leaf of {@link Facet#valueSchema()} with a value of its type. */
    static ObjectNode valid(Facet facet, String userId) {
        ObjectNode root = JSON.createObjectNode();
        for (FieldSpec field : facet.valueSchema()) {
            set(root, field.path(), sample(field, userId));
        }
        return root;
    }

    /** The realistic profile of the tests' expectations. */
    static ObjectNode profile(String userId, String nat) {
        ObjectNode root = envelope(userId, "run-1");
        root.put("gender", "female");
        ObjectNode name = root.putObject("name");
        name.put("title", "Ms");
        name.put("first", "Ada");
        name.put("last", "Lovelace");
        ObjectNode dob = root.putObject("dob");
        dob.put("date", "1990-12-10T08:15:00.000Z");
        dob.put("age", 33);
        root.put("nat", nat);
        return root;
    }

    static ObjectNode envelope(String userId, String runId) {
        ObjectNode root = JSON.createObjectNode();
        root.put(Envelope.USER_ID, userId);
        root.put(Envelope.FETCHED_AT, FETCHED_AT);
        root.put(Envelope.RUN_ID, runId);
        ObjectNode source = root.putObject(Envelope.SOURCE);
        source.put("api_version", "1.4");
        source.put("seed", "abc");
        source.put("page", 1);
        root.put(Envelope.SCHEMA_VERSION_FIELD, Envelope.SCHEMA_VERSION);
        return root;
    }

    static String json(JsonNode node) {
        return node.toString();
    }

    /** A copy of {@code value} changed by {@code change}. */
    static String with(ObjectNode value, Consumer<ObjectNode> change) {
        ObjectNode copy = value.deepCopy();
        change.accept(copy);
        return copy.toString();
    }

    /** Sets a dotted path, creating parent objects. */
    static void set(ObjectNode root, String path, JsonNode leaf) {
        List<String> segments = List.of(path.split("\\."));
        ObjectNode node = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            node = node.has(segment) ? (ObjectNode) node.get(segment) : node.putObject(segment);
        }
        node.set(segments.get(segments.size() - 1), leaf);
    }

    /** The node at a dotted path (a missing node when absent). */
    static JsonNode nodeAt(JsonNode root, String path) {
        return root.at("/" + path.replace('.', '/'));
    }

    /** Removes a dotted path's leaf. */
    static void remove(ObjectNode root, String path) {
        List<String> segments = List.of(path.split("\\."));
        ObjectNode node = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            node = (ObjectNode) node.get(segment);
        }
        node.remove(segments.get(segments.size() - 1));
    }

    private static JsonNode sample(FieldSpec field, String userId) {
        if (field.path().equals(Envelope.USER_ID)) {
            return JSON.getNodeFactory().textNode(userId);
        }
        if (field.path().equals(Envelope.SCHEMA_VERSION_FIELD)) {
            return JSON.getNodeFactory().numberNode(Envelope.SCHEMA_VERSION);
        }
        return switch (field.type()) {
            case STRING -> JSON.getNodeFactory().textNode(field.path() + " of " + userId);
            case INTEGER -> JSON.getNodeFactory().numberNode(42);
            case DOUBLE -> JSON.getNodeFactory().numberNode(-12.5);
            case TIMESTAMP -> JSON.getNodeFactory().textNode(TIMESTAMP_SAMPLE);
        };
    }
}
