package randomuser.pipeline.fetcher.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 * Reads what a run added to a facet topic: the records between the end offsets taken before the run and
 * the end offsets after it, so earlier data on the shared topics does not count.
 */
final class TopicContents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String bootstrapServers;

    TopicContents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** End offset of every partition of the topic (empty map if the topic does not exist yet). */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                return Map.of();
            }
            List<TopicPartition> topicPartitions = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(topicPartitions, Duration.ofSeconds(30)));
        }
    }

    /** The run's records of one facet topic: distinct keys, count, and every record that failed to parse or conform. */
    Summary readSince(Facet facet, Map<TopicPartition, Long> before, String runId) throws IOException {
        Summary summary = new Summary();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> end = endOffsets(facet.topic());
            consumer.assign(end.keySet());
            end.keySet().forEach(tp -> consumer.seek(tp, before.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + facet.topic() + " did not reach its end offsets");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    summary.add(facet, record, runId);
                }
            }
        }
        return summary;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    /** What one topic holds for one run. */
    static final class Summary {
        final Set<String> keys = new HashSet<>();
        long records;
        long otherRuns;
        final List<String> problems = new ArrayList<>();

        void add(Facet facet, ConsumerRecord<String, byte[]> record, String runId) throws IOException {
            JsonNode value;
            try {
                value = MAPPER.readTree(record.value());
            } catch (IOException e) {
                problems.add(record.topic() + "@" + record.offset() + " does not parse: " + e.getMessage());
                return;
            }
            if (!runId.equals(value.path("run_id").asText())) {
                otherRuns++;
                return;
            }
            records++;
            keys.add(record.key());
            if (!record.key().equals(value.path("user_id").asText())) {
                problems.add(record.topic() + "@" + record.offset() + " key differs from user_id");
            }
            SchemaCheck.problems(facet, value).forEach(p -> problems.add(record.topic() + "@" + record.offset() + ": " + p));
        }
    }
}
