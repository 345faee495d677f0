package randomuser.pipeline.streaming;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Where a micro-batch's documents go. */
public interface DocumentSink {

    /** Fails fast (seconds, not a Spark job's worth of task retries) if the database cannot be reached now. */
    void checkReachable();

    /** Upserts the documents by {@code _id}, replacing whole documents. Idempotent. */
    void upsert(Dataset<Row> documents, String collection);
}
