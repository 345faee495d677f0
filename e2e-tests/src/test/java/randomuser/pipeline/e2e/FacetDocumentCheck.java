package randomuser.pipeline.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Compares one MongoDB document with the facet record the fetcher produced for it, field by field of the
 * catalogue's schema, after the one normalisation the pipeline does downstream: ISO-8601 strings become BSON
 * dates. Two envelope fields differ by nature between a dry run and the DAG run: {@code run_id} (checked
 * against the DAG run's id) and {@code fetched_at} (checked to be a date).
 */
final class FacetDocumentCheck {
    private static final Set<String> LINEAGE_FIELDS = Set.of("topic", "partition", "offset", "kafka_ts", "run_id", "written_at");

    private FacetDocumentCheck() {
    }

    /** @return every difference, one readable line each; empty when the document is what was produced */
    static List<String> differences(Facet facet, JsonNode produced, Document stored, String runId) {
        List<String> problems = new ArrayList<>();
        String userId = produced.path(Envelope.USER_ID).asText();
        expect(problems, "_id", userId, stored.get("_id"));

        Set<String> expectedKeys = new LinkedHashSet<>(List.of("_id", "_ingest"));
        facet.valueSchema().forEach(field -> expectedKeys.add(field.topLevelField()));
        expect(problems, "top-level fields", expectedKeys, new LinkedHashSet<>(stored.keySet()));

        for (FieldSpec field : facet.valueSchema()) {
            Object actual = valueAt(stored, field.path());
            if (field.path().equals(Envelope.RUN_ID)) {
                expect(problems, field.path(), runId, actual);
            } else if (field.path().equals(Envelope.FETCHED_AT)) {
                if (!(actual instanceof Date)) {
                    problems.add(field.path() + ": expected a BSON date, got " + describe(actual));
                }
            } else {
                JsonNode expected = nodeAt(produced, field.path());
                if (expected.isMissingNode()) {
                    problems.add(field.path() + ": missing from the produced record " + produced);
                } else {
                    compare(problems, field, expected, stored, actual);
                }
            }
        }
        checkLineage(problems, facet, stored, runId);
        return problems;
    }

    private static void compare(List<String> problems, FieldSpec field, JsonNode expected, Document stored, Object actual) {
        String path = field.path();
        if (expected.isNull()) {
            if (!containsPath(stored, path) || actual != null) {
                problems.add(path + ": expected a present null, got " + (containsPath(stored, path) ? describe(actual) : "no field"));
            }
            return;
        }
        switch (field.type()) {
            case STRING -> expect(problems, path, expected.asText(), actual);
            case INTEGER -> {
                if (actual instanceof Integer || actual instanceof Long) {
                    expect(problems, path, expected.asLong(), ((Number) actual).longValue());
                } else {
                    problems.add(path + ": expected the integer " + expected + ", got " + describe(actual));
                }
            }
            case DOUBLE -> {
                if (actual instanceof Double value) {
                    expect(problems, path, expected.asDouble(), value);
                } else {
                    problems.add(path + ": expected the double " + expected + ", got " + describe(actual));
                }
            }
            case TIMESTAMP -> {
                if (actual instanceof Date date) {
                    expect(problems, path, Instant.parse(expected.asText()), date.toInstant());
                } else {
                    problems.add(path + ": expected a BSON date for " + expected + ", got " + describe(actual));
                }
            }
        }
    }

    private static void checkLineage(List<String> problems, Facet facet, Document stored, String runId) {
        Object ingest = stored.get("_ingest");
        if (!(ingest instanceof Document lineage)) {
            problems.add("_ingest: expected a document, got " + describe(ingest));
            return;
        }
        expect(problems, "_ingest fields", LINEAGE_FIELDS, new LinkedHashSet<>(lineage.keySet()));
        expect(problems, "_ingest.topic", facet.topic(), lineage.get("topic"));
        expect(problems, "_ingest.run_id", runId, lineage.get("run_id"));
        for (String dateField : List.of("kafka_ts", "written_at")) {
            if (!(lineage.get(dateField) instanceof Date)) {
                problems.add("_ingest." + dateField + ": expected a BSON date, got " + describe(lineage.get(dateField)));
            }
        }
        for (String numberField : List.of("partition", "offset")) {
            if (!(lineage.get(numberField) instanceof Number)) {
                problems.add("_ingest." + numberField + ": expected a number, got " + describe(lineage.get(numberField)));
            }
        }
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", got " + describe(actual));
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static JsonNode nodeAt(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            node = node.path(segment);
        }
        return node;
    }

    private static Object valueAt(Document root, String path) {
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
        String[] segments = path.split("\\.");
        Object node = root;
        for (int i = 0; i < segments.length; i++) {
            if (!(node instanceof Document document) || !document.containsKey(segments[i])) {
                return false;
            }
            node = document.get(segments[i]);
        }
        return true;
    }
}
