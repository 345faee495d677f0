package randomuser.pipeline.catalogue;

/**
 * Where the fetcher, the streaming jobs and the integration tests look for Kafka, MongoDB and Spark when neither
 * a flag nor the environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code SPARK_MASTER_URL})
 * says otherwise: the local stack's addresses. Written once here; the DAGs' Python copy is pinned to it by a test
 * (the fetcher's {@code DagsConstantsTest}), the stack's own addresses by the stack's {@code DefaultAddressesTest}.
 */
public final class DefaultAddresses {
    /** The environment variable that names the brokers (as in the compose files). */
    public static final String KAFKA_BOOTSTRAP_SERVERS_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    /** The environment variable that names the MongoDB server (as in the compose files). */
    public static final String MONGODB_URI_VARIABLE = "MONGODB_URI";
    /** The environment variable that names the Spark master (as in the compose files). */
    public static final String SPARK_MASTER_URL_VARIABLE = "SPARK_MASTER_URL";

    /** The local stack's three brokers. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292";
    /** The local stack's MongoDB-compatible server, without credentials. */
    public static final String MONGODB_URI = "mongodb://127.0.0.1:27017";
    /** The local stack's Spark master. */
    public static final String SPARK_MASTER_URL = "spark://127.0.0.1:7077";

    private DefaultAddresses() {}
}
