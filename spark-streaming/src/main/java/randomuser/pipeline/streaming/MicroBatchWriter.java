package randomuser.pipeline.streaming;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import randomuser.pipeline.catalogue.Facet;

/**
 * The {@code foreachBatch} function: classifies a micro-batch, then upserts its documents into the
 * facet's collection and its dead letters into {@code dead_letters}.
 *
 * <p>Exactly-once in effect: Spark runs a batch again after a failure or restart until it commits, and
 * every write here is an upsert by a deterministic {@code _id}, so running it twice changes nothing.
 *
 * <p>Database outages: before each attempt the sink is pinged (seconds), so an unreachable server costs
 * no Spark tasks; a failed attempt is retried with exponential backoff up to the policy's bound. Nothing
 * is dead-lettered because the database is down: dead letters are only records that fail validation.
 * When the retries run out the batch throws, the query stops without committing the batch, and
 * {@link QuerySupervisor} restarts it from the checkpoint.
 */
public final class MicroBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

    private final FacetBatchTransform transform;
    private final String collection;
    private final DocumentSink sink;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final BatchListener listener;

    public MicroBatchWriter(FacetBatchTransform transform, String collection, DocumentSink sink,
                            RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, BatchListener listener) {
        this.transform = transform;
        this.collection = collection;
        this.sink = sink;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        long started = clock.millis();
        // One time for the whole batch: written_at / failed_at are the same for all its documents.
        Timestamp now = Timestamp.from(clock.instant());
        Dataset<Row> classified = transform.classify(batch).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            BatchCounts counts = transform.count(classified);
            int attempts = 0;
            if (counts.hasWrites()) {
                Dataset<Row> documents = transform.documents(classified, now);
                Dataset<Row> deadLetters = transform.deadLetters(classified, now);
                attempts = writeWithRetries(batchId, () -> {
                    if (counts.documents() > 0) {
                        sink.upsert(documents, collection);
                    }
                    if (counts.deadLetters() > 0) {
                        sink.upsert(deadLetters, Facet.DEAD_LETTERS_COLLECTION);
                    }
                });
            }
            listener.onBatchWritten(new BatchOutcome(batchId, counts, attempts, clock.millis() - started));
        } finally {
            classified.unpersist(false);
        }
    }

    /** Runs the write until it succeeds or the policy's attempts are used up; returns the attempts taken. */
    private int writeWithRetries(long batchId, Runnable write) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            boolean reachable = false;
            try {
                sink.checkReachable();
                reachable = true;
                write.run();
                return attempt;
            } catch (RuntimeException failure) {
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw reachable
                            ? new BatchWriteFailedException("batch " + batchId + ": writing to MongoDB failed "
                                    + attempt + " times: " + JobMonitor.oneLine(failure), failure)
                            : new MongoUnavailableException("batch " + batchId + ": MongoDB unreachable after "
                                    + attempt + " attempts: " + JobMonitor.oneLine(failure), failure);
                }
                Duration wait = retryPolicy.backoffAfter(attempt);
                listener.onRetry(batchId, attempt, retryPolicy.maxAttempts(), wait, failure);
                sleeper.sleep(wait);
            }
        }
    }
}
