package randomuser.pipeline.streaming;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Turns one Kafka record of a facet topic into what is stored: the user's document for a valid value, a
 * dead letter for an invalid one. Pure: no I/O, tested record by record.
 *
 * <p>The value is parsed once ({@link ValueValidator#check}) and the document is built from that tree and
 * the catalogue's schema: {@code _id} = user_id, every schema leaf with its type (a TIMESTAMP as a BSON
 * date, a legal null kept as null, fields the schema does not name left out), then {@code _ingest}
 * lineage. Serialisable with nothing but the facet in it: Spark ships it to the executors.
 */
public final class FacetDocuments implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<Facet, List<Field>> SHAPES = new EnumMap<>(Facet.class);

    /** What one record becomes. */
    public sealed interface Stored permits UserDocument, DeadLetter {
        Document document();
    }

    /** A valid record: the document to upsert into the facet's collection. */
    public record UserDocument(String userId, Document document) implements Stored {}

    /** An invalid record: {@code _id} = "topic:partition:offset", so a replayed batch replaces it. */
    public record DeadLetter(Document document) implements Stored {}

    private final Facet facet;

    public FacetDocuments(Facet facet) {
        this.facet = facet;
    }

    public Facet facet() {
        return facet;
    }

    /** @param writtenAt the batch's time: a document's {@code _ingest.written_at}, a dead letter's {@code failed_at} */
    public Stored convert(KafkaRecord record, Date writtenAt) {
        ValueValidator.Checked checked = ValueValidator.of(facet).check(record.value());
        return checked.valid()
                ? document(record, checked.root(), writtenAt)
                : deadLetter(record, checked.violation(), writtenAt);
    }

    private UserDocument document(KafkaRecord record, JsonNode value, Date writtenAt) {
        String userId = value.get(Envelope.USER_ID).textValue();
        Document document = new Document("_id", userId);
        appendFields(document, shape(facet), value);
        document.append(
                "_ingest",
                new Document("topic", record.topic())
                        .append("partition", record.partition())
                        .append("offset", record.offset())
                        .append("kafka_ts", new Date(record.timestampMillis()))
                        .append("run_id", value.get(Envelope.RUN_ID).textValue())
                        .append("written_at", writtenAt));
        return new UserDocument(userId, document);
    }

    private static DeadLetter deadLetter(KafkaRecord record, String reason, Date failedAt) {
        return new DeadLetter(new Document("_id", record.topic() + ":" + record.partition() + ":" + record.offset())
                .append("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("key", text(record.key()))
                .append("raw_value", text(record.value()))
                .append("reason", reason)
                .append("failed_at", failedAt));
    }

    /** Bytes as text; a value that is not UTF-8 keeps its readable parts (its reason says it was not UTF-8). */
    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Every field of {@code fields} from {@code json}. An absent or null object becomes null as a whole, which
     * the check allows only when all its leaves are nullable.
     */
    private static void appendFields(Document target, List<Field> fields, JsonNode json) {
        for (Field field : fields) {
            JsonNode node = json.get(field.name());
            if (node == null || node.isNull()) {
                target.append(field.name(), null);
            } else if (field.leaf() != null) {
                target.append(field.name(), leafValue(field.leaf(), node));
            } else {
                Document nested = new Document();
                appendFields(nested, field.children(), node);
                target.append(field.name(), nested);
            }
        }
    }

    /**
     * A checked leaf in its stored type. The check has accepted its JSON type; should the two ever disagree,
     * the batch fails with the field's name rather than storing a null or a wrong type in silence.
     */
    private static Object leafValue(FieldSpec spec, JsonNode node) {
        boolean expectedType = switch (spec.type()) {
            case STRING, TIMESTAMP -> node.isTextual();
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt();
            case DOUBLE -> node.isNumber();
        };
        if (!expectedType) {
            throw new IllegalStateException("field " + spec.path() + " passed the schema check but is not a "
                    + spec.type() + ": " + node.getNodeType());
        }
        return switch (spec.type()) {
            case STRING -> node.textValue();
            case INTEGER -> node.intValue();
            case DOUBLE -> node.doubleValue();
            case TIMESTAMP -> Date.from(ValueValidator.instantOf(node.textValue()));
        };
    }

    /** The facet's value schema as nested fields: catalogue order, a parent where its first leaf is. */
    private static synchronized List<Field> shape(Facet facet) {
        return SHAPES.computeIfAbsent(facet, f -> {
            Map<String, Object> root = new LinkedHashMap<>();
            for (FieldSpec spec : f.valueSchema()) {
                Map<String, Object> level = root;
                List<String> segments = spec.segments();
                for (String segment : segments.subList(0, segments.size() - 1)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> child =
                            (Map<String, Object>) level.computeIfAbsent(segment, s -> new LinkedHashMap<>());
                    level = child;
                }
                level.put(segments.get(segments.size() - 1), spec);
            }
            return fields(root);
        });
    }

    private static List<Field> fields(Map<String, Object> level) {
        List<Field> fields = new ArrayList<>();
        level.forEach((name, entry) -> {
            if (entry instanceof FieldSpec spec) {
                fields.add(new Field(name, spec, List.of()));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) entry;
                fields.add(new Field(name, null, fields(children)));
            }
        });
        return List.copyOf(fields);
    }

    /** A field of the stored document: a leaf with its spec, or an object with its fields. */
    private record Field(String name, FieldSpec leaf, List<Field> children) {}
}
