package randomuser.pipeline.fetcher.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Dotted paths of every leaf of a JSON object, in document order: {@code source.seed}, {@code name.first}... */
public final class JsonLeaves {

    private JsonLeaves() {}

    public static List<String> paths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        node.fields().forEachRemaining(entry -> {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue().isObject()) {
                collect(entry.getValue(), path, paths);
            } else {
                paths.add(path);
            }
        });
    }
}
