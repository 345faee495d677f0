package randomuser.pipeline.streaming;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.bson.Document;

/**
 * Writes with the MongoDB Spark connector: a bulk of {@code replaceOne(_id, doc, upsert)} per partition.
 * That path uses no transactions, no change streams and no {@code $sample}: plain bulk writes, which
 * any MongoDB-compatible server answers. Nothing in this job reads through the connector.
 *
 * <p>The driver-side client only pings; it has short timeouts so that an outage is noticed in seconds
 * instead of the driver's default 30 s server selection in every Spark task.
 */
public final class MongoConnectorSink implements DocumentSink, AutoCloseable {

    private static final int PING_TIMEOUT_SECONDS = 5;

    private final String uri;
    private final String database;
    private final int bulkSize;
    private final MongoClient pingClient;

    /**
     * @param bulkSize documents per bulk write (the connector's {@code maxBatchSize})
     */
    public MongoConnectorSink(String uri, String database, int bulkSize) {
        this.uri = uri;
        this.database = database;
        this.bulkSize = bulkSize;
        this.pingClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b
                        .connectTimeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .readTimeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build());
    }

    @Override
    public void checkReachable() {
        pingClient.getDatabase(database).runCommand(new Document("ping", 1));
    }

    @Override
    public void upsert(Dataset<Row> documents, String collection) {
        // Option keys in lower case: the connector merges them with Spark's case-insensitive copy and
        // warns about every key that differs only in case.
        documents.write()
                .format("mongodb")
                .mode(SaveMode.Append)
                .option("connection.uri", uri)
                .option("database", database)
                .option("collection", collection)
                // Replace the whole document found by _id, insert it if absent: re-writing is a no-op.
                .option("operationtype", "replace")
                .option("idfieldlist", "_id")
                .option("upsertdocument", "true")
                // Each partition holds each _id at most once (documents are deduplicated), so order
                // matters only for stopping at the first error, which a retry then redoes as a whole.
                .option("ordered", "true")
                .option("maxbatchsize", bulkSize)
                // Keep id.value: null rather than dropping the field.
                .option("ignorenullvalues", "false")
                .save();
    }

    @Override
    public void close() {
        pingClient.close();
    }
}
