package randomuser.pipeline.stack.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.bson.json.JsonParseException;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.StackException;

/**
 * The report's aggregation pipelines, read from {@code mongo/report-aggregations.json}: the one definition that
 * {@code ./pipeline report} and {@code mongo/queries.js} both run, so the page and a mongosh user see the same
 * figures.
 */
public final class ReportAggregations {
    /** The {@code collection} of an aggregation that runs on each of the six facet collections in turn. */
    public static final String EACH_FACET_COLLECTION = "each facet collection";

    public static final String RUN_ID_FIELD = "_ingest.run_id";

    public static final String USERS_PER_RUN = "users_per_run";
    public static final String GENDER = "gender";
    public static final String NATIONALITY = "nationality";
    public static final String AGE = "age";
    public static final String BIRTH_MONTH = "birth_month";
    public static final String DOCUMENTS = "documents";
    public static final String DEAD_LETTERS_BY_REASON = "dead_letters_by_reason";
    public static final String FETCH_TO_VISIBLE = "fetch_to_visible";
    public static final String KAFKA_TO_VISIBLE = "kafka_to_visible";
    /** The two latencies, of one run: the chosen one, else the latest. */
    public static final List<String> FRESHNESS = List.of(FETCH_TO_VISIBLE, KAFKA_TO_VISIBLE);
    /** Every aggregation the report shows, in the page's order. */
    public static final List<String> NAMES = List.of(
            USERS_PER_RUN,
            GENDER,
            NATIONALITY,
            AGE,
            BIRTH_MONTH,
            DOCUMENTS,
            DEAD_LETTERS_BY_REASON,
            FETCH_TO_VISIBLE,
            KAFKA_TO_VISIBLE);

    /** One named pipeline and where it runs. */
    public record Aggregation(
            String name, String title, String collection, boolean runScoped, List<Document> pipeline) {
        /** The collections it runs on: one, or the six facet collections in catalogue order. */
        public List<String> collections() {
            return EACH_FACET_COLLECTION.equals(collection)
                    ? Arrays.stream(Facet.values()).map(Facet::collection).toList()
                    : List.of(collection);
        }

        /** The pipeline, preceded by a match on the run when it is run-scoped and a run is given. */
        public List<Document> pipelineFor(Optional<String> runId) {
            if (!runScoped || runId.isEmpty()) {
                return pipeline;
            }
            List<Document> scoped = new ArrayList<>();
            scoped.add(new Document("$match", new Document(RUN_ID_FIELD, runId.get())));
            scoped.addAll(pipeline);
            return scoped;
        }
    }

    /**
     * The fields the pipelines read from their input documents, for a {@code $project} that keeps only those: every
     * {@code "$path"} value (not a {@code "$$variable"}) and every field a {@code $match} names. A field whose
     * parent is read too is left out (MongoDB refuses both in one projection). Fields a stage computes, which later
     * stages read (a {@code $group}'s outputs), may be among them: projecting a field the input lacks does nothing.
     */
    public static Set<String> fieldsRead(List<Document> pipelines) {
        Set<String> fields = new TreeSet<>();
        pipelines.forEach(stage -> collectFieldsRead(stage, fields));
        fields.removeIf(field -> fields.stream().anyMatch(other -> field.startsWith(other + ".")));
        return fields;
    }

    private static void collectFieldsRead(Object value, Set<String> fields) {
        if (value instanceof Document document) {
            document.forEach((key, inner) -> {
                if (key.equals("$match") && inner instanceof Document match) {
                    collectFieldsMatched(match, fields);
                }
                collectFieldsRead(inner, fields);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectFieldsRead(item, fields));
        } else if (value instanceof String text && text.startsWith("$") && !text.startsWith("$$")) {
            fields.add(text.substring(1));
        }
    }

    /** A filter's field names, also inside {@code $and}, {@code $or} and {@code $nor}. */
    private static void collectFieldsMatched(Document filter, Set<String> fields) {
        filter.forEach((key, condition) -> {
            if (!key.startsWith("$")) {
                fields.add(key);
            } else if (condition instanceof List<?> clauses) {
                clauses.stream()
                        .filter(Document.class::isInstance)
                        .forEach(clause -> collectFieldsMatched((Document) clause, fields));
            }
        });
    }

    private final Path file;
    private final Map<String, Aggregation> byName;

    private ReportAggregations(Path file, Map<String, Aggregation> byName) {
        this.file = file;
        this.byName = byName;
    }

    public static ReportAggregations load(Path file) {
        Document root;
        try {
            root = Document.parse(Files.readString(file));
        } catch (IOException e) {
            throw new StackException("cannot read the report's aggregations " + file + ": " + e.getMessage());
        } catch (JsonParseException e) {
            throw new StackException("the report's aggregations " + file + " are not valid JSON: " + e.getMessage());
        }
        Map<String, Aggregation> byName = new LinkedHashMap<>();
        Document aggregations = root.get("aggregations", Document.class);
        if (aggregations == null) {
            throw new StackException(file + " has no \"aggregations\" object");
        }
        for (String name : aggregations.keySet()) {
            Document entry = aggregations.get(name, Document.class);
            byName.put(
                    name,
                    new Aggregation(
                            name,
                            entry.getString("title"),
                            entry.getString("collection"),
                            Boolean.TRUE.equals(entry.getBoolean("run_scoped")),
                            entry.getList("pipeline", Document.class)));
        }
        ReportAggregations loaded = new ReportAggregations(file, byName);
        NAMES.forEach(loaded::get);
        return loaded;
    }

    public Aggregation get(String name) {
        Aggregation aggregation = byName.get(name);
        if (aggregation == null || aggregation.collection() == null || aggregation.pipeline() == null) {
            throw new StackException(file + " lacks the aggregation \"" + name
                    + "\" (with a collection and a pipeline) that the report shows");
        }
        return aggregation;
    }

    public List<Aggregation> all() {
        return List.copyOf(byName.values());
    }
}
