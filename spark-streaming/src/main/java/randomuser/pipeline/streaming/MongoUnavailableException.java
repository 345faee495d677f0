package randomuser.pipeline.streaming;

/**
 * The database stayed unreachable through every retry of a batch. The batch is not committed, so its
 * records are read again when the query restarts from its checkpoint.
 */
public final class MongoUnavailableException extends RuntimeException {

    public MongoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
