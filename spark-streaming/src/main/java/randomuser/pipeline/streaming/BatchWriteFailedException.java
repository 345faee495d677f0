package randomuser.pipeline.streaming;

/**
 * The database was reachable but writing a batch kept failing through every retry: something a restart
 * will not fix by itself (a rejected document, a permission), so the job stops and says so.
 */
public final class BatchWriteFailedException extends RuntimeException {

    public BatchWriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
