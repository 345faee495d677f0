package randomuser.pipeline.fetcher.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Reads and writes JSON leaves by the catalogue's path segments ({@code ["location", "postcode"]}). */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The leaf at the path, or a MissingNode if any segment is absent or not an object. */
    static JsonNode get(JsonNode root, List<String> segments) {
        JsonNode node = root;
        for (String segment : segments) {
            if (node == null || !node.isObject()) {
                return MissingNode.getInstance();
            }
            node = node.get(segment);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Sets the leaf, creating the intermediate objects in order so the API's nesting is kept. */
    static void put(ObjectNode root, List<String> segments, JsonNode value) {
        ObjectNode parent = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            JsonNode child = parent.get(segment);
            parent = child instanceof ObjectNode object ? object : parent.putObject(segment);
        }
        parent.set(segments.get(segments.size() - 1), value);
    }
}
