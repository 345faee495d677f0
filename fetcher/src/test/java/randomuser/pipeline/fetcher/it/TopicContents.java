package randomuser.pipeline.fetcher.it;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.support.SchemaCheck;

/**
 * Reads a whole facet topic of one test run (each test writes to topics of its own prefix, so everything
 * on them is the run's) and checks every record: it parses, conforms to the catalogue schema, its key is
 * its {@code user_id} and its {@code run_id} is the run's.
 */
final class TopicContents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String bootstrapServers;

    TopicContents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Records on the topic (0 if it does not exist yet: it is never created by asking). */
    long recordCount(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every record of the topic: distinct keys, count, and each record that failed to parse or conform. */
    Summary readAll(Facet facet, String topic, String runId) throws IOException {
        Summary summary = new Summary();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> end = endOffsets(topic);
            if (end.isEmpty()) {
                summary.problems.add(topic + " does not exist");
                return summary;
            }
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " did not reach its end offsets " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    summary.add(facet, record, runId);
                }
            }
        }
        return summary;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                return Map.of();
            }
            List<TopicPartition> topicPartitions = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return new HashMap<>(consumer.endOffsets(topicPartitions, Duration.ofSeconds(30)));
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Looking at a topic the fetcher has not created yet must not create it with the brokers' defaults.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    /** What one topic holds. */
    static final class Summary {
        final Set<String> keys = new HashSet<>();
        long records;
        final List<String> problems = new ArrayList<>();

        void add(Facet facet, ConsumerRecord<String, byte[]> record, String runId) {
            records++;
            keys.add(record.key());
            String where = record.topic() + "@" + record.partition() + ":" + record.offset();
            JsonNode value;
            try {
                value = MAPPER.readTree(record.value());
            } catch (IOException e) {
                problems.add(where + " does not parse: " + e.getMessage());
                return;
            }
            if (!runId.equals(value.path("run_id").asText())) {
                problems.add(where + " has run_id " + value.path("run_id") + ", not " + runId);
            }
            if (record.key() == null
                    || !record.key().equals(value.path("user_id").asText())) {
                problems.add(where + " key " + record.key() + " differs from user_id " + value.path("user_id"));
            }
            SchemaCheck.problems(facet, value).forEach(p -> problems.add(where + ": " + p));
        }
    }
}
