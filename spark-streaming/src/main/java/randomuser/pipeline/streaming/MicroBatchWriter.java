package randomuser.pipeline.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code foreachBatch} function: has the sink upsert a micro-batch's documents into the facet's
 * collection and its invalid records into {@code dead_letters}, retrying while the database is away.
 *
 * <p>Exactly-once in effect: Spark runs a batch again after a failure or restart until it commits, and
 * every write is an upsert by a deterministic {@code _id}, so running it twice changes nothing.
 *
 * <p>Database outages: before each attempt the sink is pinged (seconds), so an unreachable server costs
 * no Spark tasks; a failed attempt is retried with exponential backoff up to the policy's bound. Nothing
 * is dead-lettered because the database is down: dead letters are only records that fail validation.
 * When the retries run out the batch throws, the query stops without committing the batch, and
 * {@link QuerySupervisor} restarts it from the checkpoint.
 */
public final class MicroBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

    private final DocumentSink sink;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final BatchListener listener;

    public MicroBatchWriter(
            DocumentSink sink, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, BatchListener listener) {
        this.sink = sink;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        long started = clock.millis();
        // One time for the whole batch, every attempt included: written_at / failed_at are the same for
        // all its documents.
        Instant now = clock.instant();
        Attempted attempted = writeWithRetries(batchId, () -> sink.upsert(batch, now));
        listener.onBatchWritten(
                new BatchOutcome(batchId, attempted.counts(), attempted.attempts(), clock.millis() - started));
    }

    private record Attempted(BatchCounts counts, int attempts) {}

    /** Runs the write until it succeeds or the policy's attempts are used up. */
    private Attempted writeWithRetries(long batchId, Supplier<BatchCounts> write) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            boolean reachable = false;
            try {
                sink.checkReachable();
                reachable = true;
                return new Attempted(write.get(), attempt);
            } catch (RuntimeException failure) {
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw reachable
                            ? new BatchWriteFailedException(
                                    "batch " + batchId + ": writing to MongoDB failed " + attempt + " times: "
                                            + JobMonitor.oneLine(failure),
                                    failure)
                            : new MongoUnavailableException(
                                    "batch " + batchId + ": MongoDB unreachable after " + attempt + " attempts: "
                                            + JobMonitor.oneLine(failure),
                                    failure);
                }
                Duration wait = retryPolicy.backoffAfter(attempt);
                listener.onRetry(batchId, attempt, retryPolicy.maxAttempts(), wait, failure);
                sleeper.sleep(wait);
            }
        }
    }
}
