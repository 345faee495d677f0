package randomuser.pipeline.streaming;

import java.util.concurrent.TimeoutException;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/** Builds and starts the streaming query: Kafka topic in, {@link MicroBatchWriter} out. */
public final class FacetQuery {

    private final SparkSession spark;
    private final JobSettings settings;
    private final MicroBatchWriter writer;

    public FacetQuery(SparkSession spark, JobSettings settings, MicroBatchWriter writer) {
        this.spark = spark;
        this.settings = settings;
        this.writer = writer;
    }

    public StreamingQuery start() throws TimeoutException {
        return spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", settings.bootstrapServers())
                .option("subscribe", settings.topic())
                // A record of a producer's transaction is read once the transaction commits, and never when it
                // aborts (Kafka's consumer default reads both). The fetcher writes no transactions; a producer
                // that does (the sink benchmark reveals each round to the running jobs in one) gets only its
                // committed records upserted. Spark's source skips the offsets the transaction markers take.
                .option("kafka.isolation.level", "read_committed")
                // Only for a query without checkpoint; afterwards the checkpoint's offsets rule.
                .option("startingOffsets", settings.startingOffsets())
                // Bounds a micro-batch, so a backlog of millions is worked off in heap-sized pieces.
                .option("maxOffsetsPerTrigger", settings.maxOffsetsPerTrigger())
                // true by default, deliberately: the contract is one document per produced user, so
                // records that vanished before being read (retention ran out while the job was down, the
                // topic was deleted and re-created) must stop the job loudly rather than be skipped in
                // silence. Topics have RF 3 and min.insync.replicas 2, so acknowledged records do not
                // vanish otherwise. An operator who accepts the loss resubmits with
                // --fail-on-data-loss=false (or resets the checkpoint).
                .option("failOnDataLoss", settings.failOnDataLoss())
                .load()
                .writeStream()
                .queryName(settings.jobName())
                .option("checkpointLocation", settings.checkpointDir().toString())
                .trigger(Trigger.ProcessingTime(settings.triggerInterval()))
                .foreachBatch(writer)
                .start();
    }
}
