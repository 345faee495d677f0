package randomuser.pipeline.streaming.onstack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Compares a stored document with the facet value it came from, field by field of the catalogue's schema,
 * after the one normalisation the job does (ISO-8601 strings become BSON dates), and its {@code _ingest} with
 * the Kafka record it was read from. Every difference is one readable line.
 */
final class DocumentCheck {
    static final Set<String> LINEAGE_FIELDS = Set.of("topic", "partition", "offset", "kafka_ts", "run_id", "written_at");

    private DocumentCheck() {
    }

    /**
     * @param ignored paths not compared (e.g. {@code fetched_at}, which a dry run cannot know)
     * @return every difference between the stored document's fields and the produced value; empty when equal
     */
    static List<String> valueDifferences(Facet facet, JsonNode produced, Document stored, Set<String> ignored) {
        List<String> problems = new ArrayList<>();
        expect(problems, "_id", produced.path("user_id").asText(), stored.get("_id"));
        expectedKeys(facet).forEach((path, keys) -> {
            Object node = path.isEmpty() ? stored : valueAt(stored, path);
            if (node instanceof Document document) {
                expect(problems, "fields of " + (path.isEmpty() ? "the document" : path), keys,
                        new LinkedHashSet<>(document.keySet()));
            } else {
                problems.add(path + ": expected a sub-document, got " + describe(node));
            }
        });
        for (FieldSpec field : facet.valueSchema()) {
            if (ignored.contains(field.path())) {
                continue;
            }
            JsonNode expected = nodeAt(produced, field.path());
            Object actual = valueAt(stored, field.path());
            if (expected.isMissingNode()) {
                problems.add(field.path() + ": missing from the produced value " + produced);
            } else if (expected.isNull()) {
                if (!containsPath(stored, field.path()) || actual != null) {
                    problems.add(field.path() + ": expected a present null, got "
                            + (containsPath(stored, field.path()) ? describe(actual) : "no field"));
                }
            } else {
                compare(problems, field, expected, actual);
            }
        }
        return problems;
    }

    /** Every difference between {@code _ingest} and the record the document must come from. */
    static List<String> lineageDifferences(Topics.KafkaRecord record, String topic, String runId, Document stored) {
        List<String> problems = new ArrayList<>();
        if (!(stored.get("_ingest") instanceof Document lineage)) {
            problems.add("_ingest: expected a sub-document, got " + describe(stored.get("_ingest")));
            return problems;
        }
        expect(problems, "_ingest fields", new LinkedHashSet<>(LINEAGE_FIELDS), new LinkedHashSet<>(lineage.keySet()));
        expect(problems, "_ingest.topic", topic, lineage.get("topic"));
        expect(problems, "_ingest.partition", record.partition(), lineage.get("partition"));
        expect(problems, "_ingest.offset", record.offset(), lineage.get("offset"));
        expect(problems, "_ingest.kafka_ts", new Date(record.timestamp()), lineage.get("kafka_ts"));
        expect(problems, "_ingest.run_id", runId, lineage.get("run_id"));
        if (!(lineage.get("written_at") instanceof Date writtenAt)) {
            problems.add("_ingest.written_at: expected a BSON date, got " + describe(lineage.get("written_at")));
        } else if (writtenAt.getTime() < record.timestamp()) {
            problems.add("_ingest.written_at " + writtenAt.toInstant() + " is before the record's Kafka timestamp "
                    + Instant.ofEpochMilli(record.timestamp()));
        }
        return problems;
    }

    private static void compare(List<String> problems, FieldSpec field, JsonNode expected, Object actual) {
        String path = field.path();
        switch (field.type()) {
            case STRING -> expect(problems, path, expected.asText(), actual);
            case INTEGER -> expect(problems, path, expected.asInt(), actual);
            case DOUBLE -> expect(problems, path, expected.asDouble(), actual);
            case TIMESTAMP -> expect(problems, path, Date.from(Instant.parse(expected.asText())), actual);
        }
    }

    /** For the document and each sub-document: the keys it must have, exactly (the schema's, nothing else). */
    static Map<String, Set<String>> expectedKeys(Facet facet) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        keys.put("", new LinkedHashSet<>(List.of("_id")));
        for (FieldSpec field : facet.valueSchema()) {
            List<String> segments = field.segments();
            for (int depth = 0; depth < segments.size(); depth++) {
                String parent = String.join(".", segments.subList(0, depth));
                keys.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(segments.get(depth));
            }
        }
        keys.get("").add("_ingest");
        return keys;
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + describe(expected) + ", got " + describe(actual));
        }
    }

    static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    static JsonNode nodeAt(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            node = node.path(segment);
        }
        return node;
    }

    static Object valueAt(Document root, String path) {
        Object node = root;
        for (String segment : path.split("\\.")) {
            if (!(node instanceof Document document)) {
                return null;
            }
            node = document.get(segment);
        }
        return node;
    }

    private static boolean containsPath(Document root, String path) {
        Object node = root;
        for (String segment : path.split("\\.")) {
            if (!(node instanceof Document document) || !document.containsKey(segment)) {
                return false;
            }
            node = document.get(segment);
        }
        return true;
    }
}
