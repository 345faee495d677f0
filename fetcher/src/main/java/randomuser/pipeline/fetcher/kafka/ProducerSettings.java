package randomuser.pipeline.fetcher.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer configuration, in one place so the benchmark's ProducerPerformance run uses exactly the
 * fetcher's settings. Durability: idempotent with {@code acks=all} (with RF 3 and min ISR 2 a write
 * survives one broker). Throughput: lz4 and 128 KiB batches with a 20 ms linger, which on this class of
 * machine more than doubles throughput over the 16 KiB default.
 */
public final class ProducerSettings {

    public static final String COMPRESSION = "lz4";
    public static final int BATCH_SIZE_BYTES = 128 * 1024;
    public static final int LINGER_MS = 20;

    private ProducerSettings() {}

    /** Settings shared with ProducerPerformance: everything but serializers and the client id. */
    public static Map<String, String> shared(String bootstrapServers) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Up to 5 in-flight requests keep ordering with idempotence while pipelining sends.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE_BYTES));
        settings.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        // Long enough to ride out a broker failure (writes stall for about the session timeout).
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        return settings;
    }

    public static Properties forFetcher(String bootstrapServers, String clientId) {
        Properties properties = new Properties();
        properties.putAll(shared(bootstrapServers));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
