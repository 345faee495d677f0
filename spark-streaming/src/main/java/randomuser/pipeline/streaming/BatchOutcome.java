package randomuser.pipeline.streaming;

/**
 * What one micro-batch did.
 *
 * @param batchId  Spark's batch id
 * @param counts   records in, documents upserted, dead letters
 * @param attempts write attempts it took (1 when the database answered at once)
 * @param millis   time spent in the batch function, retries included
 */
public record BatchOutcome(long batchId, BatchCounts counts, int attempts, long millis) {}
