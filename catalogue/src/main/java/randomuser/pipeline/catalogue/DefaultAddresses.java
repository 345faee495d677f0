package randomuser.pipeline.catalogue;

/**
 * Where the fetcher and the streaming jobs look for Kafka and MongoDB when neither a flag nor the environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}) says otherwise: the local stack's addresses. Written
 * once here; the DAGs' Python copy is pinned to it by a test (the fetcher's {@code DagsConstantsTest}).
 */
public final class DefaultAddresses {
    /** The local stack's three brokers. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292";
    /** The local stack's MongoDB-compatible server, without credentials. */
    public static final String MONGODB_URI = "mongodb://127.0.0.1:27017";

    private DefaultAddresses() {
    }
}
