package randomuser.pipeline.fetcher.kafka;

/** The bootstrap servers are malformed or no broker answered in time. */
public final class BrokersUnreachableException extends Exception {

    public BrokersUnreachableException(String message) {
        super(message);
    }
}
