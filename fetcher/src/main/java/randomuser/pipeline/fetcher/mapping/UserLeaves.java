package randomuser.pipeline.fetcher.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * One API user reduced to what the facets read from it: the value at each catalogue field's path, and which
 * top-level fields the user has. It is read straight from the response's parser, one user at a time, so a page
 * is never held as a tree: the fields no facet reads (the login's secrets among them) are skipped unread, and
 * mapping finds each value by its index instead of through nested maps. On the fetcher's benchmark the page
 * trees cost more than a second of garbage collection pauses per 200,000 users and most of the mapping time.
 *
 * <p>The values are the nodes Jackson's tree model gives for the same JSON, so the mapping treats them alike.
 */
public final class UserLeaves {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PathNode PATHS = new PathNode();
    private static final Map<String, Integer> LEAF_INDEXES = new HashMap<>();

    static {
        for (Facet facet : Facet.values()) {
            for (FieldSpec field : facet.fields()) {
                PathNode node = PATHS;
                for (String segment : field.segments()) {
                    node = node.children.computeIfAbsent(segment, name -> new PathNode());
                }
                node.leafIndex = LEAF_INDEXES.computeIfAbsent(field.path(), path -> LEAF_INDEXES.size());
            }
        }
        // Which top-level fields a user has is one bit each in a long.
        if (PATHS.children.size() > Long.SIZE) {
            throw new IllegalStateException("the catalogue reads more than 64 top-level fields");
        }
        int topLevel = 0;
        for (PathNode child : PATHS.children.values()) {
            child.topLevelBit = 1L << topLevel++;
        }
    }

    private final boolean object;
    private final JsonNode[] leaves;
    private long topLevelFields;

    private UserLeaves(boolean object) {
        this.object = object;
        this.leaves = new JsonNode[object ? LEAF_INDEXES.size() : 0];
    }

    /** A {@code results} element that is not a JSON object: it cannot be mapped. */
    public static UserLeaves notAnObject() {
        return new UserLeaves(false);
    }

    /** Reads the user object the parser is at (its START_OBJECT), leaving the parser at its END_OBJECT. */
    public static UserLeaves read(JsonParser parser) throws IOException {
        UserLeaves user = new UserLeaves(true);
        user.readMembers(parser, PATHS);
        return user;
    }

    /** The same reduction of a user held as a tree. */
    public static UserLeaves of(JsonNode user) {
        if (user == null || !user.isObject()) {
            return notAnObject();
        }
        try (JsonParser parser = user.traverse(TREES)) {
            parser.nextToken();
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a user held in memory", e);
        }
    }

    /** The index of a catalogue field's value. */
    static int indexOf(FieldSpec field) {
        Integer index = LEAF_INDEXES.get(field.path());
        if (index == null) {
            throw new IllegalArgumentException(field.path() + " is not a field of any facet");
        }
        return index;
    }

    public boolean isObject() {
        return object;
    }

    /** Whether the user has this top-level field; always false for a field no facet reads. */
    public boolean has(String topLevelField) {
        PathNode node = PATHS.children.get(topLevelField);
        return node != null && (topLevelFields & node.topLevelBit) != 0;
    }

    /** The value at the field's path, {@code null} when absent (or under a parent that is not an object). */
    JsonNode leaf(int index) {
        return leaves[index];
    }

    private void readMembers(JsonParser parser, PathNode paths) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            PathNode node = paths.children.get(parser.currentName());
            JsonToken token = parser.nextToken();
            if (node == null) {
                parser.skipChildren();
                continue;
            }
            topLevelFields |= node.topLevelBit;
            if (node.leafIndex >= 0) {
                leaves[node.leafIndex] = value(parser, token);
            } else if (token == JsonToken.START_OBJECT) {
                readMembers(parser, node);
            } else {
                // A parent that is not an object: the fields below it are absent, as in the tree.
                parser.skipChildren();
            }
        }
    }

    /** The node the tree model makes of the value at the parser's token. */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NullNode.getInstance();
            default -> parser.readValueAsTree();
        };
    }

    /** One name of a catalogue path: its children, or the index of its value when it is a leaf. */
    private static final class PathNode {
        private final Map<String, PathNode> children = new HashMap<>();
        private int leafIndex = -1;
        private long topLevelBit;
    }
}
