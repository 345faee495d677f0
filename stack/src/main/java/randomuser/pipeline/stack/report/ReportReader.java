package randomuser.pipeline.stack.report;

import java.time.Clock;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.CliMongoClient;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.report.IngestReport.Count;
import randomuser.pipeline.stack.report.IngestReport.Freshness;
import randomuser.pipeline.stack.report.IngestReport.RunUsers;
import randomuser.pipeline.stack.report.ReportAggregations.Aggregation;

/** Runs the report's aggregations on MongoDB and turns their results into an {@link IngestReport}. */
public final class ReportReader implements AutoCloseable {
    private static final String UNKNOWN = "unknown";
    private static final String WRITTEN_AT_FIELD = "_ingest.written_at";

    private final String uri;
    private final String databaseName;
    private final MongoClient client;
    private final MongoDatabase database;
    private final ReportAggregations aggregations;
    private final Clock clock;

    public ReportReader(String mongoUri, String databaseName, ReportAggregations aggregations, Clock clock) {
        this.uri = mongoUri;
        this.databaseName = databaseName;
        this.client = CliMongoClient.open(mongoUri);
        this.database = client.getDatabase(databaseName);
        this.aggregations = aggregations;
        this.clock = clock;
    }

    /**
     * The report of one run, or of every run when {@code runId} is empty.
     *
     * @throws StackException when MongoDB cannot be queried, holds no users yet, or the run wrote none
     */
    public IngestReport read(Optional<String> runId) {
        Optional<String> latestRun = latestRun();
        if (latestRun.isEmpty()) {
            throw new StackException("MongoDB at " + uri + " (database " + databaseName + ") holds no users yet: "
                    + "ingest a run first (./pipeline trigger), then run the report again");
        }
        if (runId.isPresent() && !hasProfiles(runId.get())) {
            throw new StackException("run " + runId.get() + " wrote no users that are still its own in " + databaseName
                    + ".profiles (the latest run is " + latestRun.get() + "); ./pipeline report without --run shows "
                    + "every run");
        }
        Optional<String> freshnessRun = runId.or(() -> latestRun);
        Map<String, Map<String, List<Document>>> results = runAll(runId, freshnessRun);
        List<RunUsers> runs = usersPerRun(results);
        return new IngestReport(
                databaseName,
                clock.instant(),
                runId,
                runs,
                counts(results, ReportAggregations.GENDER, "users", row -> label(row.get("_id"))),
                counts(results, ReportAggregations.NATIONALITY, "users", row -> label(row.get("_id"))),
                counts(results, ReportAggregations.AGE, "users", ageLabels()),
                counts(results, ReportAggregations.BIRTH_MONTH, "users", row -> monthLabel(row.get("_id"))),
                documentsPerCollection(results),
                counts(
                        results,
                        ReportAggregations.DEAD_LETTERS_BY_REASON,
                        "dead_letters",
                        row -> label(row.get("_id"))),
                freshnessRun,
                freshness(results));
    }

    /** The run of the most recently written profile (as mongo/queries.js picks "the latest run"). */
    private Optional<String> latestRun() {
        Document latest = guarded(
                () -> database.getCollection(Facet.PROFILE.collection())
                        .find(Filters.exists(WRITTEN_AT_FIELD))
                        .sort(Sorts.descending(WRITTEN_AT_FIELD))
                        .projection(Projections.include(ReportAggregations.RUN_ID_FIELD))
                        .first(),
                "latest run");
        return Optional.ofNullable(latest)
                .map(document -> document.getEmbedded(List.of("_ingest", "run_id"), String.class));
    }

    private boolean hasProfiles(String runId) {
        return guarded(
                        () -> database.getCollection(Facet.PROFILE.collection())
                                .find(Filters.eq(ReportAggregations.RUN_ID_FIELD, runId))
                                .projection(Projections.include("_id"))
                                .first(),
                        "profiles of run " + runId)
                != null;
    }

    /** One aggregation on one collection, and the run it is restricted to (empty: none). */
    private record Scoped(Aggregation aggregation, Optional<String> runId) {}

    /**
     * Every aggregation, with each collection read in one pass: its aggregations become the sub-pipelines of one
     * {@code $facet}, since a scan per figure costs about a second per 50,000 documents on the local server.
     *
     * @return collection → aggregation name → result rows
     */
    private Map<String, Map<String, List<Document>>> runAll(Optional<String> runId, Optional<String> freshnessRun) {
        Map<String, List<Scoped>> byCollection = new LinkedHashMap<>();
        for (String name : ReportAggregations.NAMES) {
            Aggregation aggregation = aggregations.get(name);
            Optional<String> scope = !aggregation.runScoped()
                    ? Optional.empty()
                    : ReportAggregations.FRESHNESS.contains(name) ? freshnessRun : runId;
            for (String collection : aggregation.collections()) {
                byCollection.computeIfAbsent(collection, c -> new ArrayList<>()).add(new Scoped(aggregation, scope));
            }
        }
        Map<String, Map<String, List<Document>>> results = new LinkedHashMap<>();
        byCollection.forEach((collection, scoped) -> results.put(collection, onePass(collection, scoped)));
        return results;
    }

    /**
     * When every aggregation on the collection is restricted to the same run, that run's {@code $match} comes
     * first (MongoDB serves it from the {@code _ingest.run_id} index); otherwise each sub-pipeline has its own.
     * Then a {@code $project} keeps only the fields the sub-pipelines read: {@code $facet} holds its whole input
     * while its sub-pipelines run, and the local server holds a whole Random User document in some 5 KiB of heap,
     * a projected one in a fraction of that.
     */
    private Map<String, List<Document>> onePass(String collection, List<Scoped> scoped) {
        Set<Optional<String>> scopes = scoped.stream().map(Scoped::runId).collect(Collectors.toSet());
        Optional<String> shared = scopes.size() == 1 ? scopes.iterator().next() : Optional.empty();
        Document facets = new Document();
        for (Scoped one : scoped) {
            facets.append(
                    one.aggregation().name(),
                    shared.isPresent()
                            ? one.aggregation().pipeline()
                            : one.aggregation().pipelineFor(one.runId()));
        }
        List<Document> pipeline = new ArrayList<>();
        shared.ifPresent(
                run -> pipeline.add(new Document("$match", new Document(ReportAggregations.RUN_ID_FIELD, run))));
        Document projection = new Document();
        ReportAggregations.fieldsRead(List.of(facets)).forEach(field -> projection.append(field, 1));
        pipeline.add(new Document("$project", projection));
        pipeline.add(new Document("$facet", facets));
        Document result = guarded(
                () -> database.getCollection(collection).aggregate(pipeline).first(), "figures of " + collection);
        Map<String, List<Document>> byName = new LinkedHashMap<>();
        for (Scoped one : scoped) {
            byName.put(
                    one.aggregation().name(),
                    result == null
                            ? List.of()
                            : result.getList(one.aggregation().name(), Document.class, List.of()));
        }
        return byName;
    }

    private List<Document> rows(Map<String, Map<String, List<Document>>> results, String name, String collection) {
        return results.get(collection).get(name);
    }

    private List<RunUsers> usersPerRun(Map<String, Map<String, List<Document>>> results) {
        Aggregation aggregation = aggregations.get(ReportAggregations.USERS_PER_RUN);
        List<RunUsers> runs = new ArrayList<>();
        for (Document row : rows(results, aggregation.name(), aggregation.collection())) {
            runs.add(new RunUsers(
                    label(row.get("_id")),
                    number(row.get("users")),
                    instant(row.get("first_fetched_at")),
                    instant(row.get("last_written_at"))));
        }
        return runs;
    }

    private List<Count> counts(
            Map<String, Map<String, List<Document>>> results,
            String name,
            String countField,
            Function<Document, String> label) {
        List<Count> counts = new ArrayList<>();
        for (Document row : rows(results, name, aggregations.get(name).collection())) {
            counts.add(new Count(label.apply(row), number(row.get(countField))));
        }
        return counts;
    }

    private List<Count> documentsPerCollection(Map<String, Map<String, List<Document>>> results) {
        List<Count> counts = new ArrayList<>();
        for (String collection : aggregations.get(ReportAggregations.DOCUMENTS).collections()) {
            // $count yields no document at all for an empty result.
            List<Document> rows = rows(results, ReportAggregations.DOCUMENTS, collection);
            counts.add(new Count(
                    collection, rows.isEmpty() ? 0 : number(rows.get(0).get("documents"))));
        }
        return counts;
    }

    private Map<String, Freshness> freshness(Map<String, Map<String, List<Document>>> results) {
        Map<String, Freshness> byCollection = new LinkedHashMap<>();
        for (String collection :
                aggregations.get(ReportAggregations.FETCH_TO_VISIBLE).collections()) {
            byCollection.put(
                    collection,
                    new Freshness(
                            latencies(rows(results, ReportAggregations.FETCH_TO_VISIBLE, collection)),
                            latencies(rows(results, ReportAggregations.KAFKA_TO_VISIBLE, collection))));
        }
        return byCollection;
    }

    /** Rows of {@code {_id: milliseconds, documents: n}}; a document without one of the two times has a null _id. */
    private static LatencySummary latencies(List<Document> rows) {
        NavigableMap<Long, Long> countByMillis = new TreeMap<>();
        for (Document row : rows) {
            if (row.get("_id") instanceof Number millis) {
                countByMillis.merge(millis.longValue(), number(row.get("documents")), Long::sum);
            }
        }
        return LatencySummary.ofCounts(countByMillis);
    }

    /** The decade buckets' labels from the pipeline's own boundaries: 20 → "20–29". */
    private Function<Document, String> ageLabels() {
        Document bucket = aggregations.get(ReportAggregations.AGE).pipeline().stream()
                .map(stage -> stage.get("$bucket", Document.class))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new StackException("the \"age\" aggregation has no $bucket stage"));
        List<Integer> boundaries = bucket.getList("boundaries", Integer.class);
        return row -> {
            Object lower = row.get("_id");
            int index = lower instanceof Number n ? boundaries.indexOf(n.intValue()) : -1;
            return index < 0 || index + 1 >= boundaries.size()
                    ? label(lower)
                    : boundaries.get(index) + "–" + (boundaries.get(index + 1) - 1);
        };
    }

    private static String monthLabel(Object month) {
        return month instanceof Number n && n.intValue() >= 1 && n.intValue() <= 12
                ? Month.of(n.intValue()).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                : UNKNOWN;
    }

    private <T> T guarded(Supplier<T> query, String what) {
        try {
            return query.get();
        } catch (MongoException e) {
            throw new StackException(
                    "cannot compute the report's " + what + " on MongoDB at " + uri + ": " + e.getMessage());
        }
    }

    private static String label(Object value) {
        return value == null ? UNKNOWN : String.valueOf(value);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Optional<Instant> instant(Object value) {
        return value instanceof Date date ? Optional.of(date.toInstant()) : Optional.empty();
    }

    @Override
    public void close() {
        client.close();
    }
}
