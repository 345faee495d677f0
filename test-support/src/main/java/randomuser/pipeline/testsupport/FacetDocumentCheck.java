package randomuser.pipeline.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Compares a stored document with the facet value it came from, field by field of the catalogue's schema,
 * after the one normalisation the job does (ISO-8601 strings become BSON dates), and its {@code _ingest} with
 * the Kafka record it was read from. Every difference is one readable line. The tests of the streaming jobs
 * and the end-to-end tests share it, so both hold the stored documents to the same rules.
 */
public final class FacetDocumentCheck {
    private static final Set<String> LINEAGE_FIELDS =
            Set.of("topic", "partition", "offset", "kafka_ts", "run_id", "written_at");

    private FacetDocumentCheck() {}

    /**
     * @param ignored paths not compared (e.g. {@code fetched_at}, which a dry run cannot know)
     * @return every difference between the stored document's fields and the produced value; empty when equal
     */
    public static List<String> valueDifferences(Facet facet, JsonNode produced, Document stored, Set<String> ignored) {
        List<String> problems = new ArrayList<>();
        expect(problems, "_id", produced.path("user_id").asText(), stored.get("_id"));
        expectedKeys(facet).forEach((path, keys) -> {
            Object node = path.isEmpty() ? stored : valueAt(stored, path);
            if (node instanceof Document document) {
                expect(
                        problems,
                        "fields of " + (path.isEmpty() ? "the document" : path),
                        keys,
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

    /** Every difference between {@code _ingest} and the Kafka record the document must come from. */
    public static List<String> lineageDifferences(
            String topic, int partition, long offset, long kafkaTimestamp, String runId, Document stored) {
        List<String> problems = new ArrayList<>();
        Document lineage = lineageOf(stored, problems);
        if (lineage == null) {
            return problems;
        }
        expect(problems, "_ingest.topic", topic, lineage.get("topic"));
        expect(problems, "_ingest.partition", partition, lineage.get("partition"));
        expect(problems, "_ingest.offset", offset, lineage.get("offset"));
        expect(problems, "_ingest.kafka_ts", new Date(kafkaTimestamp), lineage.get("kafka_ts"));
        expect(problems, "_ingest.run_id", runId, lineage.get("run_id"));
        if (!(lineage.get("written_at") instanceof Date writtenAt)) {
            problems.add("_ingest.written_at: expected a BSON date, got " + describe(lineage.get("written_at")));
        } else if (writtenAt.getTime() < kafkaTimestamp) {
            problems.add("_ingest.written_at " + writtenAt.toInstant() + " is before the record's Kafka timestamp "
                    + Instant.ofEpochMilli(kafkaTimestamp));
        }
        return problems;
    }

    /**
     * A document of a DAG run compared with the record a dry run of the same seeded request produced: every
     * field equal but the two that differ by nature, {@code run_id} (which must be the DAG run's) and
     * {@code fetched_at} (which must be a date); {@code _ingest} names the facet's topic and the run, and holds
     * dates and numbers where the job writes them (the Kafka record itself is not known here).
     */
    public static List<String> dagRunDifferences(Facet facet, JsonNode dryRunRecord, Document stored, String runId) {
        List<String> problems = new ArrayList<>(
                valueDifferences(facet, dryRunRecord, stored, Set.of(Envelope.RUN_ID, Envelope.FETCHED_AT)));
        expect(problems, Envelope.RUN_ID, runId, stored.get(Envelope.RUN_ID));
        if (!(stored.get(Envelope.FETCHED_AT) instanceof Date)) {
            problems.add(
                    Envelope.FETCHED_AT + ": expected a BSON date, got " + describe(stored.get(Envelope.FETCHED_AT)));
        }
        Document lineage = lineageOf(stored, problems);
        if (lineage == null) {
            return problems;
        }
        expect(problems, "_ingest.topic", facet.topic(), lineage.get("topic"));
        expect(problems, "_ingest.run_id", runId, lineage.get("run_id"));
        for (String dateField : List.of("kafka_ts", "written_at")) {
            if (!(lineage.get(dateField) instanceof Date)) {
                problems.add(
                        "_ingest." + dateField + ": expected a BSON date, got " + describe(lineage.get(dateField)));
            }
        }
        for (String numberField : List.of("partition", "offset")) {
            if (!(lineage.get(numberField) instanceof Number)) {
                problems.add(
                        "_ingest." + numberField + ": expected a number, got " + describe(lineage.get(numberField)));
            }
        }
        return problems;
    }

    /** The document's {@code _ingest} with exactly the lineage fields, or null (and a problem) when it is not one. */
    private static Document lineageOf(Document stored, List<String> problems) {
        if (!(stored.get("_ingest") instanceof Document lineage)) {
            problems.add("_ingest: expected a sub-document, got " + describe(stored.get("_ingest")));
            return null;
        }
        expect(problems, "_ingest fields", new LinkedHashSet<>(LINEAGE_FIELDS), new LinkedHashSet<>(lineage.keySet()));
        return lineage;
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
    private static Map<String, Set<String>> expectedKeys(Facet facet) {
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

    public static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static JsonNode nodeAt(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            node = node.path(segment);
        }
        return node;
    }

    public static Object valueAt(Document root, String path) {
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
