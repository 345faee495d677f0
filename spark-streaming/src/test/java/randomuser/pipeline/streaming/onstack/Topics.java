package randomuser.pipeline.streaming.onstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The test's own topics: created, read back record by record, deleted. */
final class Topics {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One record as it is on its topic: what a document's {@code _ingest} must point to. */
    record KafkaRecord(String key, int partition, long offset, long timestamp, byte[] value) {}

    private final String bootstrapServers;

    Topics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Creates the topic as the project does (RF 3, min.insync.replicas 2) unless it exists. */
    void ensure(String topic, int partitions) {
        try (Admin admin = admin()) {
            if (admin.listTopics()
                    .names()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .contains(topic)) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic, partitions, (short) 3)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + ": " + e, e);
        }
    }

    /** Deletes every topic whose name starts with the prefix; answers their names. */
    Set<String> deleteAllWithPrefix(String prefix) {
        try (Admin admin = admin()) {
            Set<String> ours = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(prefix))
                    .collect(Collectors.toSet());
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return ours;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete the topics " + prefix + "*: " + e, e);
        }
    }

    /** Every record on the topic now, partition by partition in offset order. */
    List<KafkaRecord> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, TIMEOUT)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<KafkaRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + topic + " to its end " + end + " within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new KafkaRecord(
                            record.key(), record.partition(), record.offset(), record.timestamp(), record.value()));
                }
            }
            return records;
        }
    }

    /** The record with the highest offset of each key: the one its document must come from. */
    static Map<String, KafkaRecord> latestByKey(List<KafkaRecord> records) {
        Map<String, KafkaRecord> latest = new LinkedHashMap<>();
        for (KafkaRecord record : records) {
            latest.merge(record.key(), record, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        return latest;
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(properties);
    }
}
