package randomuser.pipeline.catalogue;

/**
 * How the facet topics are created, by whoever creates them first (the stack's setup, the fetcher, compose's
 * deploy/kafka/create-topics.sh, pinned to these by a test): three partitions, and each record on three
 * brokers, acknowledged once two have it, so an acknowledged record survives the loss of a broker.
 */
public final class TopicPolicy {
    /** Partitions of a topic created without an explicit count. */
    public static final int PARTITIONS = 3;

    public static final short REPLICATION_FACTOR = 3;
    public static final int MIN_INSYNC_REPLICAS = 2;

    private TopicPolicy() {}
}
