package randomuser.pipeline.streaming;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.bson.Document;

/**
 * Writes a micro-batch with one Spark job: each partition's records are converted and upserted by the
 * executor that read them ({@link PartitionUpserts}), and the partitions' counts come back to the driver.
 *
 * <p>Why not the MongoDB Spark connector: feeding it a DataFrame of documents meant parsing each value twice
 * (the strict check, then Spark's {@code from_json}), casting timestamp strings (Spark parses the zone with
 * a regex), a window to keep each user's latest record, a cache for the counts and a Row-to-BSON
 * conversion. A JFR profile of an executor under the six jobs had 18 % of its samples in {@code from_json},
 * 10 % in the casts and 14 % in the connector's conversion, beside a shuffle and three Spark jobs per batch.
 *
 * <p>The driver-side client only pings; it has short timeouts so that an outage is noticed in seconds
 * instead of the driver's default 30 s server selection in every Spark task.
 */
public final class MongoBulkSink implements DocumentSink, AutoCloseable {

    private static final int PING_TIMEOUT_SECONDS = 5;

    private final FacetDocuments documents;
    private final String collection;
    private final String database;
    private final int bulkSize;
    private final MongoBulkWrites.Opener executorWrites;
    private final MongoClient pingClient;

    /**
     * @param bulkSize documents per bulk write
     */
    public MongoBulkSink(String uri, String database, String collection, FacetDocuments documents, int bulkSize) {
        this.documents = documents;
        this.collection = collection;
        this.database = database;
        this.bulkSize = bulkSize;
        this.executorWrites = new MongoBulkWrites.Opener(uri, database);
        this.pingClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .readTimeout(PING_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build());
    }

    @Override
    public void checkReachable() {
        pingClient.getDatabase(database).runCommand(new Document("ping", 1));
    }

    @Override
    public BatchCounts upsert(Dataset<Row> kafkaRecords, Instant writtenAt) {
        PartitionUpserts upserts = new PartitionUpserts(documents, collection, bulkSize, writtenAt, executorWrites);
        return KafkaRecord.columnsOf(kafkaRecords).javaRDD().mapPartitions(upserts).collect().stream()
                .reduce(BatchCounts.NONE, BatchCounts::plus);
    }

    @Override
    public void close() {
        pingClient.close();
    }
}
