package randomuser.pipeline.streaming;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * {@link BulkWrites} with the MongoDB Java driver: one {@code bulkWrite} of {@code replaceOne(_id, document,
 * upsert)} per call. Plain bulk writes, no transactions or change streams, which any MongoDB-compatible
 * server answers. The documents are BSON already: the driver copies their bytes into the command.
 */
final class MongoBulkWrites implements BulkWrites {

    /**
     * One client per connection string and executor JVM, kept for the JVM's life: a client holds a
     * connection pool and monitor threads, far too much to build for every task of every batch.
     */
    private static final Map<String, MongoClient> CLIENTS = new ConcurrentHashMap<>();

    private static final String ID = "_id";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    // Ordered: a later record of the same user replaces an earlier one, and a failure stops the bulk
    // at once (Spark retries the task, and the batch is written again as a whole if it keeps failing).
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoDatabase database;

    private MongoBulkWrites(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public void replaceById(String collection, List<RawBsonDocument> documents) {
        List<ReplaceOneModel<RawBsonDocument>> replacements = documents.stream()
                .map(document -> new ReplaceOneModel<>(new BsonDocument(ID, document.get(ID)), document, UPSERT))
                .toList();
        database.getCollection(collection, RawBsonDocument.class).bulkWrite(replacements, ORDERED);
    }

    /** Opens writes into one database of one server; all an executor needs to know. */
    record Opener(String uri, String databaseName) implements BulkWrites.Opener {
        @Override
        public BulkWrites open() {
            return new MongoBulkWrites(
                    CLIENTS.computeIfAbsent(uri, MongoClients::create).getDatabase(databaseName));
        }
    }
}
