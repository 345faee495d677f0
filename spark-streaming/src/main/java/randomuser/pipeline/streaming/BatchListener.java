package randomuser.pipeline.streaming;

import java.time.Duration;

/** Told by {@link MicroBatchWriter} what happens to each batch. */
public interface BatchListener {

    void onRetry(long batchId, int failedAttempt, int maxAttempts, Duration wait, Exception failure);

    void onBatchWritten(BatchOutcome outcome);
}
