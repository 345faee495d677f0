package randomuser.pipeline.e2e;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import randomuser.pipeline.catalogue.Facet;

/**
 * The six facet collections and dead_letters, read the way the tests check them. Every query filters on
 * {@code _ingest.run_id} or {@code _id}. The local MongoDB-compatible server scans a collection for each query
 * and each upsert, and serialises them, so the tests poll seldom, stop counting a collection once it is
 * complete, and delete their users at the end.
 */
final class FacetCollections implements AutoCloseable {
    static final String RUN_ID_FIELD = "_ingest.run_id";
    private static final Duration POLL = Duration.ofSeconds(15);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final MongoClient client;
    private final MongoDatabase database;

    FacetCollections(String mongoUri) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(15, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(120, TimeUnit.SECONDS))
                .build());
        this.database = client.getDatabase(Facet.DATABASE);
    }

    MongoCollection<Document> collection(Facet facet) {
        return database.getCollection(facet.collection());
    }

    /** Documents carrying the run id, per facet, in catalogue order. */
    Map<Facet, Long> countsOfRun(String runId) {
        Map<Facet, Long> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            counts.put(facet, collection(facet).countDocuments(eq(RUN_ID_FIELD, runId)));
        }
        return counts;
    }

    /** The {@code _id}s of the documents carrying the run id. */
    Set<String> idsOfRun(Facet facet, String runId) {
        return ids(collection(facet).find(eq(RUN_ID_FIELD, runId)).projection(Projections.include("_id")));
    }

    long countWithIds(Facet facet, Collection<String> ids) {
        return collection(facet).countDocuments(in("_id", ids));
    }

    /** The lineage of every document with one of the ids: {@code _id}, {@code run_id}, {@code _ingest.run_id}. */
    List<Document> lineageOf(Facet facet, Collection<String> ids) {
        return collection(facet)
                .find(in("_id", ids))
                .projection(Projections.include("_id", "run_id", RUN_ID_FIELD))
                .into(new ArrayList<>());
    }

    Document byId(Facet facet, String id) {
        return collection(facet).find(eq("_id", id)).first();
    }

    long deadLetters() {
        return database.getCollection(Facet.DEAD_LETTERS_COLLECTION).countDocuments();
    }

    /** Dead letters whose raw record holds the text (a run's seed or id). */
    long deadLettersMentioning(String text) {
        Bson filter = regex("raw_value", Pattern.quote(text));
        return database.getCollection(Facet.DEAD_LETTERS_COLLECTION).countDocuments(filter);
    }

    /**
     * Polls until every facet collection holds {@code expected} documents of the run. Bounded twice: it gives up
     * when no collection gained a document for {@code stallTimeout} (the pipeline is stuck), and after
     * {@code maxTimeout} in all. Each upsert on the local MongoDB-compatible server scans its collection, so how
     * long the documents take grows with the collections and with the machine's load; progress, not a fixed
     * time, tells a slow pipeline from a stuck one. A collection that is complete is not counted again.
     *
     * @return the last counts (the caller asserts them)
     */
    Map<Facet, Long> awaitCountsOfRun(String runId, long expected, Duration stallTimeout, Duration maxTimeout)
            throws InterruptedException {
        return awaitCountsOfRun(runId, expected, EnumSet.allOf(Facet.class), stallTimeout, maxTimeout);
    }

    /** The same for some of the collections (a test that keeps one job from writing); answers all six counts. */
    Map<Facet, Long> awaitCountsOfRun(
            String runId, long expected, Set<Facet> facets, Duration stallTimeout, Duration maxTimeout)
            throws InterruptedException {
        long started = System.nanoTime();
        long lastProgress = started;
        long nextReport = started;
        Map<Facet, Long> counts = new EnumMap<>(Facet.class);
        while (true) {
            boolean progressed = false;
            for (Facet facet : facets) {
                Long previous = counts.get(facet);
                if (previous == null || previous < expected) {
                    long count = collection(facet).countDocuments(eq(RUN_ID_FIELD, runId));
                    progressed |= previous == null || count != previous;
                    counts.put(facet, count);
                }
            }
            long now = System.nanoTime();
            if (progressed) {
                lastProgress = now;
            }
            long seconds = Duration.ofNanos(now - started).toSeconds();
            boolean complete = counts.values().stream().allMatch(count -> count >= expected);
            boolean stalled = now - lastProgress > stallTimeout.toNanos();
            if (complete || stalled || now - started > maxTimeout.toNanos()) {
                System.out.println("documents of run " + runId + " after " + seconds + "s"
                        + (complete
                                ? ""
                                : stalled ? " (no progress for " + stallTimeout.toSeconds() + "s)" : " (time is up)")
                        + ": "
                        + describe(counts, expected));
                return countsOfRun(runId);
            }
            if (now >= nextReport) {
                System.out.println(
                        "documents of run " + runId + ": " + describe(counts, expected) + " ... " + seconds + "s");
                nextReport = now + REPORT_EVERY.toNanos();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Deletes the documents with these ids from the six collections (one command each); answers how many. */
    long deleteUsers(Collection<String> ids) {
        long deleted = 0;
        for (Facet facet : Facet.values()) {
            deleted += collection(facet).deleteMany(in("_id", ids)).getDeletedCount();
        }
        return deleted;
    }

    static String describe(Map<Facet, Long> counts, long expected) {
        return counts.entrySet().stream()
                .map(e -> e.getKey().collection() + " " + e.getValue() + "/" + expected)
                .collect(Collectors.joining(", "));
    }

    private static Set<String> ids(Iterable<Document> documents) {
        Set<String> ids = new HashSet<>();
        for (Document document : documents) {
            ids.add(String.valueOf(document.get("_id")));
        }
        return ids;
    }

    @Override
    public void close() {
        client.close();
    }
}
