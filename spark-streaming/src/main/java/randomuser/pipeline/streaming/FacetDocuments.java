package randomuser.pipeline.streaming;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

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
 *
 * <p>Documents are written as BSON bytes here, field by field, and the driver copies those bytes into its
 * command. Built as {@code org.bson.Document}s, each value was boxed into a map, then encoded by the driver
 * through its codec registry (a lookup per value) into its pooled buffers (a pool lookup per buffer it
 * filled): a JFR profile of an executor under the six jobs had 42 % of its samples there.
 */
public final class FacetDocuments implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<Facet, List<Field>> SHAPES = new EnumMap<>(Facet.class);
    /** Room for a typical document (the largest facet's are about 1 KiB), so that the buffer seldom grows. */
    private static final int INITIAL_BUFFER_BYTES = 2048;

    /** What one record becomes: a BSON document whose first field is its {@code _id}. */
    public sealed interface Stored permits UserDocument, DeadLetter {
        RawBsonDocument document();
    }

    /** A valid record: the document to upsert into the facet's collection. */
    public record UserDocument(String userId, RawBsonDocument document) implements Stored {}

    /** An invalid record: {@code _id} = "topic:partition:offset", so a replayed batch replaces it. */
    public record DeadLetter(RawBsonDocument document) implements Stored {}

    private final Facet facet;

    public FacetDocuments(Facet facet) {
        this.facet = facet;
    }

    public Facet facet() {
        return facet;
    }

    /**
     * @param writtenAtMillis the batch's time: a document's {@code _ingest.written_at}, a dead letter's
     *     {@code failed_at}
     */
    public Stored convert(KafkaRecord record, long writtenAtMillis) {
        ValueValidator.Checked checked = ValueValidator.of(facet).check(record.value());
        return checked.valid()
                ? document(record, checked.root(), writtenAtMillis)
                : deadLetter(record, checked.violation(), writtenAtMillis);
    }

    private UserDocument document(KafkaRecord record, JsonNode value, long writtenAtMillis) {
        String userId = value.get(Envelope.USER_ID).textValue();
        return new UserDocument(userId, bson(writer -> {
            writer.writeString("_id", userId);
            writeFields(writer, shape(facet), value);
            writer.writeStartDocument("_ingest");
            writeKafkaPosition(writer, record);
            writer.writeDateTime("kafka_ts", record.timestampMillis());
            writer.writeString("run_id", value.get(Envelope.RUN_ID).textValue());
            writer.writeDateTime("written_at", writtenAtMillis);
            writer.writeEndDocument();
        }));
    }

    private static DeadLetter deadLetter(KafkaRecord record, String reason, long failedAtMillis) {
        return new DeadLetter(bson(writer -> {
            writer.writeString("_id", record.topic() + ":" + record.partition() + ":" + record.offset());
            writeKafkaPosition(writer, record);
            writeText(writer, "key", record.key());
            writeText(writer, "raw_value", record.value());
            writer.writeString("reason", reason);
            writer.writeDateTime("failed_at", failedAtMillis);
        }));
    }

    /** Where the record was read, in a document's lineage and in a dead letter alike. */
    private static void writeKafkaPosition(BsonWriter writer, KafkaRecord record) {
        writer.writeString("topic", record.topic());
        writer.writeInt32("partition", record.partition());
        writer.writeInt64("offset", record.offset());
    }

    /** One top-level document, its fields written by {@code fields}. */
    private static RawBsonDocument bson(Consumer<BsonWriter> fields) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(INITIAL_BUFFER_BYTES);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            fields.accept(writer);
            writer.writeEndDocument();
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /** Bytes as text; a value that is not UTF-8 keeps its readable parts (its reason says it was not UTF-8). */
    private static void writeText(BsonWriter writer, String name, byte[] bytes) {
        if (bytes == null) {
            writer.writeNull(name);
        } else {
            writer.writeString(name, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /**
     * Every field of {@code fields} from {@code json}. An absent or null object becomes null as a whole, which
     * the check allows only when all its leaves are nullable.
     */
    private static void writeFields(BsonWriter writer, List<Field> fields, JsonNode json) {
        for (Field field : fields) {
            JsonNode node = json.get(field.name());
            if (node == null || node.isNull()) {
                writer.writeNull(field.name());
            } else if (field.leaf() != null) {
                writeLeaf(writer, field.name(), field.leaf(), node);
            } else {
                writer.writeStartDocument(field.name());
                writeFields(writer, field.children(), node);
                writer.writeEndDocument();
            }
        }
    }

    /**
     * A checked leaf in its stored type. The check has accepted its JSON type; should the two ever disagree,
     * the batch fails with the field's name rather than storing a null or a wrong type in silence.
     */
    private static void writeLeaf(BsonWriter writer, String name, FieldSpec spec, JsonNode node) {
        boolean expectedType = switch (spec.type()) {
            case STRING, TIMESTAMP -> node.isTextual();
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt();
            case DOUBLE -> node.isNumber();
        };
        if (!expectedType) {
            throw new IllegalStateException("field " + spec.path() + " passed the schema check but is not a "
                    + spec.type() + ": " + node.getNodeType());
        }
        switch (spec.type()) {
            case STRING -> writer.writeString(name, node.textValue());
            case INTEGER -> writer.writeInt32(name, node.intValue());
            case DOUBLE -> writer.writeDouble(name, node.doubleValue());
            case TIMESTAMP ->
                writer.writeDateTime(
                        name, ValueValidator.instantOf(node.textValue()).toEpochMilli());
        }
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
