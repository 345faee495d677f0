package randomuser.pipeline.stack.mainjob;

import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.CliMongoClient;
import randomuser.pipeline.stack.StackException;

/**
 * What a DAG run left in MongoDB: every document carries the run id in {@code _ingest.run_id}, and the six
 * collections join on {@code _id} (the user's login.uuid).
 */
public final class RunDocuments implements AutoCloseable {
    public static final String RUN_ID_FIELD = "_ingest.run_id";
    private static final String INGEST_FIELD = "_ingest";

    private final String uri;
    private final MongoClient client;
    private final MongoDatabase database;

    public RunDocuments(String mongoUri, String databaseName) {
        this.uri = mongoUri;
        this.client = CliMongoClient.open(mongoUri);
        this.database = client.getDatabase(databaseName);
    }

    /** Documents of one collection written (last) by the run. */
    public long countOfRun(String collection, String runId) {
        return guarded(() -> database.getCollection(collection).countDocuments(eq(RUN_ID_FIELD, runId)));
    }

    /** Documents written by the run, per facet collection, in catalogue order. */
    public Map<String, Long> countsOfRun(String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            counts.put(facet.collection(), countOfRun(facet.collection(), runId));
        }
        return counts;
    }

    /**
     * Every document per facet collection, then dead_letters, from the collections' metadata: cheap, unlike a
     * count with a filter; MongoDB's figure may be off after an unclean shutdown until the next validate.
     */
    public Map<String, Long> totalCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            counts.put(
                    facet.collection(),
                    guarded(() -> database.getCollection(facet.collection()).estimatedDocumentCount()));
        }
        counts.put(Facet.DEAD_LETTERS_COLLECTION, deadLetters());
        return counts;
    }

    /** From the collection's metadata, like {@link #totalCounts()}. */
    public long deadLetters() {
        return guarded(
                () -> database.getCollection(Facet.DEAD_LETTERS_COLLECTION).estimatedDocumentCount());
    }

    /**
     * One user of the run: the user's fields from the six collections, joined by {@code _id}, and the lineage
     * of its profiles document (the envelope's fetched_at and source, and {@code _ingest}).
     */
    public record SampleUser(Document user, Document lineage) {}

    public Optional<SampleUser> sampleUser(String runId) {
        return guarded(() -> {
            Document profile = database.getCollection(Facet.PROFILE.collection())
                    .find(eq(RUN_ID_FIELD, runId))
                    .first();
            if (profile == null) {
                return Optional.<SampleUser>empty();
            }
            Object id = profile.get("_id");
            Document user = new Document("_id", id);
            for (Facet facet : Facet.values()) {
                Document part = facet == Facet.PROFILE
                        ? profile
                        : database.getCollection(facet.collection())
                                .find(eq("_id", id))
                                .first();
                if (part != null) {
                    facet.topLevelFields().forEach(field -> {
                        if (part.containsKey(field)) {
                            user.put(field, part.get(field));
                        }
                    });
                }
            }
            Document lineage = new Document();
            for (String field : List.of(Envelope.FETCHED_AT, Envelope.SOURCE, INGEST_FIELD)) {
                if (profile.containsKey(field)) {
                    lineage.put(field, profile.get(field));
                }
            }
            return Optional.of(new SampleUser(user, lineage));
        });
    }

    private <T> T guarded(Supplier<T> query) {
        try {
            return query.get();
        } catch (MongoException e) {
            throw new StackException("cannot query MongoDB at " + uri + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
