package randomuser.pipeline.streaming;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Strict check of one Kafka value against its facet's schema. Lenient readers (Spark's JSON reader among them)
 * turn a number or an object into a string field's text and read an integer as a timestamp in epoch
 * seconds. This check accepts exactly the JSON types the catalogue declares and says
 * precisely what is wrong, so that a bad value becomes a dead letter with a useful reason.
 *
 * <p>Fields the schema does not name are ignored (and never stored): producers may add fields before
 * the consumer knows them. A different {@code schema_version} is rejected as a whole.
 */
public final class ValueValidator {

    public static final String NULL_VALUE = "value is null";
    public static final String NOT_UTF8 = "value is not UTF-8 text";
    public static final String NOT_JSON = "value is not JSON";
    public static final String DUPLICATE_FIELD = "value has a duplicate field";
    public static final String NOT_AN_OBJECT = "value is not a JSON object";
    public static final String MISSING_USER_ID = "missing user_id";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<Facet, ValueValidator> BY_FACET = new EnumMap<>(Facet.class);

    private final List<Leaf> leaves;

    private ValueValidator(Facet facet) {
        this.leaves = facet.valueSchema().stream().map(Leaf::of).toList();
    }

    /**
     * A schema leaf with its path split once per facet and JVM: the check walks every leaf of every record,
     * and splitting the path there (a list and its strings, then a joined prefix per level) cost more than
     * parsing the JSON.
     *
     * @param segments the path's segments, {@code ["name", "first"]}
     * @param prefixes the path up to each segment, {@code ["name", "name.first"]}, for a problem's message
     */
    private record Leaf(FieldSpec spec, List<String> segments, List<String> prefixes) {

        static Leaf of(FieldSpec spec) {
            List<String> segments = spec.segments();
            List<String> prefixes = IntStream.rangeClosed(1, segments.size())
                    .mapToObj(depth -> String.join(".", segments.subList(0, depth)))
                    .toList();
            return new Leaf(spec, segments, prefixes);
        }
    }

    /** The validator of a facet; one per facet and JVM, since Spark calls it once per record. */
    public static synchronized ValueValidator of(Facet facet) {
        return BY_FACET.computeIfAbsent(facet, ValueValidator::new);
    }

    /**
     * The value checked against the schema.
     *
     * @param root      the parsed value; null when it is not a JSON object
     * @param violation why the value does not match the schema, or null when it does
     */
    public record Checked(JsonNode root, String violation) {

        public boolean valid() {
            return violation == null;
        }
    }

    /**
     * Why the value does not match the schema, or {@code null} if it does. Several field problems are
     * joined with {@code "; "}, in schema order.
     */
    public String violation(byte[] value) {
        return check(value).violation();
    }

    /** The value parsed once and checked; a valid value's tree is what its document is built from. */
    public Checked check(byte[] value) {
        if (value == null) {
            return new Checked(null, NULL_VALUE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Checked(null, NOT_UTF8);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonParseException e) {
            return new Checked(null, e.getOriginalMessage().startsWith("Duplicate field") ? DUPLICATE_FIELD : NOT_JSON);
        } catch (JsonProcessingException e) {
            return new Checked(null, NOT_JSON);
        }
        if (root == null || root.isMissingNode()) {
            return new Checked(null, NOT_JSON);
        }
        if (!root.isObject()) {
            return new Checked(null, NOT_AN_OBJECT);
        }
        return new Checked(root, schemaViolation(root));
    }

    private String schemaViolation(JsonNode root) {
        JsonNode userId = root.get(Envelope.USER_ID);
        if (userId == null
                || userId.isNull()
                || (userId.isTextual() && userId.asText().isBlank())) {
            return MISSING_USER_ID;
        }
        JsonNode version = root.get(Envelope.SCHEMA_VERSION_FIELD);
        if (version != null && version.isIntegralNumber() && version.asLong() != Envelope.SCHEMA_VERSION) {
            return "unsupported schema_version " + version.asText() + " (expected " + Envelope.SCHEMA_VERSION + ")";
        }
        // Made only for an invalid value; leaves under one missing parent share its problem, said once.
        Set<String> problems = null;
        for (Leaf leaf : leaves) {
            String problem = problem(root, leaf);
            if (problem != null) {
                if (problems == null) {
                    problems = new LinkedHashSet<>();
                }
                problems.add(problem);
            }
        }
        return problems == null ? null : String.join("; ", problems);
    }

    /** What is wrong with one leaf of the value (or with a parent on its path), or {@code null}. */
    private static String problem(JsonNode root, Leaf leaf) {
        FieldSpec field = leaf.spec();
        List<String> segments = leaf.segments();
        JsonNode node = root;
        for (int depth = 0; depth < segments.size(); depth++) {
            JsonNode child = node.get(segments.get(depth));
            boolean isLeaf = depth == segments.size() - 1;
            if (child == null || child.isNull()) {
                // An absent or null parent makes a nullable leaf null too, which is allowed.
                return field.nullable()
                        ? null
                        : "field " + leaf.prefixes().get(depth) + ": " + (child == null ? "missing" : "null");
            }
            if (isLeaf) {
                String typeProblem = typeProblem(field, child);
                return typeProblem == null ? null : "field " + leaf.prefixes().get(depth) + ": " + typeProblem;
            }
            if (!child.isObject()) {
                return "field " + leaf.prefixes().get(depth) + ": expected object, got " + jsonType(child);
            }
            node = child;
        }
        return null;
    }

    /** What is wrong with a present, non-null leaf, or {@code null}. */
    private static String typeProblem(FieldSpec field, JsonNode node) {
        return switch (field.type()) {
            case STRING -> node.isTextual() ? null : "expected string, got " + jsonType(node);
            case INTEGER -> {
                if (!node.isIntegralNumber()) {
                    yield "expected integer, got " + jsonType(node);
                }
                yield node.canConvertToInt() ? null : "integer out of 32-bit range";
            }
            case DOUBLE -> {
                if (!node.isNumber()) {
                    yield "expected number, got " + jsonType(node);
                }
                yield Double.isFinite(node.doubleValue()) ? null : "number out of range";
            }
            case TIMESTAMP -> {
                if (!node.isTextual()) {
                    yield "expected ISO-8601 timestamp string, got " + jsonType(node);
                }
                yield isIsoInstant(node.asText()) ? null : "expected ISO-8601 timestamp, got \"" + node.asText() + "\"";
            }
        };
    }

    /** An ISO-8601 date-time with a zone offset ("Z" or "+01:00"), i.e. one unambiguous instant. */
    private static boolean isIsoInstant(String text) {
        try {
            instantOf(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The instant of an ISO-8601 date-time with a zone offset, as the check above accepts it. */
    static Instant instantOf(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }

    private static String jsonType(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "fractional number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
