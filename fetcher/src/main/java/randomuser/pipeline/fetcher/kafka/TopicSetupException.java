package randomuser.pipeline.fetcher.kafka;

/** A missing topic could not be created (for example fewer brokers than the replication factor). */
public final class TopicSetupException extends Exception {

    public TopicSetupException(String message) {
        super(message);
    }
}
