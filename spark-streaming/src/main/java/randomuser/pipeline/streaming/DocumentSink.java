package randomuser.pipeline.streaming;

import java.time.Instant;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Where a micro-batch's records go. */
public interface DocumentSink {

    /** Fails fast (seconds, not a Spark job's worth of task retries) if the database cannot be reached now. */
    void checkReachable();

    /**
     * Converts the Kafka records of one micro-batch and upserts them by {@code _id}, replacing whole
     * documents: valid records into the facet's collection, invalid ones into {@code dead_letters}.
     * Idempotent: running it again for the same records changes nothing.
     *
     * @param writtenAt the batch's {@code _ingest.written_at} and dead letters' {@code failed_at}
     */
    BatchCounts upsert(Dataset<Row> kafkaRecords, Instant writtenAt);
}
