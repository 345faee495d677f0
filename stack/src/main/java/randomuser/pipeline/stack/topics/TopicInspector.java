package randomuser.pipeline.stack.topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import randomuser.pipeline.stack.StackException;

/**
 * Read-only looks at the brokers' topics with kafka-clients' Admin and a group-less Consumer: partitions,
 * leaders, in-sync replicas, offsets, and the last records of a topic. Nothing is written or committed.
 */
public final class TopicInspector implements AutoCloseable {
    /** Every answer the brokers owe; an unreachable cluster is reported after this, not after a minute. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Reading a topic's tail or a key's partition ends after this even if the end was not reached. */
    static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Admin admin;

    public TopicInspector(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    /**
     * Every topic but Kafka's internal ones, by name and partition.
     *
     * @param jobCommitted for a topic, the next offset per partition its streaming job reads, if it has a job
     */
    public List<TopicPartitionReport> topics(Function<String, Optional<Map<Integer, Long>>> jobCommitted) {
        Set<String> names = topicNames();
        Map<String, TopicDescription> descriptions =
                await(admin.describeTopics(names).allTopicNames(), "describe the topics");
        List<TopicPartition> partitions = new ArrayList<>();
        descriptions
                .values()
                .forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<TopicPartitionReport> reports = new ArrayList<>();
        for (String name : names) {
            Map<Integer, Long> committed = jobCommitted.apply(name).orElse(Map.of());
            for (TopicPartitionInfo info : descriptions.get(name).partitions()) {
                TopicPartition partition = new TopicPartition(name, info.partition());
                Long next = committed.get(info.partition());
                reports.add(new TopicPartitionReport(
                        name,
                        info.partition(),
                        info.leader() == null ? -1 : info.leader().id(),
                        ids(info.replicas()),
                        ids(info.isr()),
                        starts.get(partition),
                        ends.get(partition),
                        next == null ? OptionalLong.empty() : OptionalLong.of(next)));
            }
        }
        return reports;
    }

    /**
     * The last {@code count} records of a topic (by timestamp over all partitions), or, with a key, the last
     * {@code count} records with that key: those are all in the key's partition, read from its start.
     */
    public List<PeekedRecord> peek(String topic, int count, String key) {
        try {
            Topic.validate(topic);
        } catch (InvalidTopicException e) {
            throw new StackException("'" + topic + "' is not a topic name: " + e.getMessage());
        }
        TopicDescription description = describe(topic);
        int partitionCount = description.partitions().size();
        List<TopicPartition> partitions = new ArrayList<>();
        if (key != null) {
            // Where the producer's default partitioner puts a keyed record (murmur2 of the key's bytes).
            partitions.add(new TopicPartition(
                    topic, BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitionCount)));
        } else {
            description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<PeekedRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = key != null
                        ? starts.get(partition)
                        : Math.max(starts.get(partition), ends.get(partition) - count);
                if (from < ends.get(partition)) {
                    consumer.seek(partition, from);
                    remaining.put(partition, ends.get(partition));
                } else {
                    consumer.pause(List.of(partition));
                }
            }
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new StackException(
                            "reading " + topic + " did not reach its end offsets within " + READ_LIMIT.toSeconds()
                                    + " s: are its partitions' leaders up? ./pipeline status shows the brokers");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    String recordKey = text(record.key());
                    if (key == null || key.equals(recordKey)) {
                        records.add(new PeekedRecord(
                                record.partition(),
                                record.offset(),
                                record.timestamp(),
                                recordKey,
                                text(record.value())));
                    }
                }
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    if (consumer.position(partition, TIMEOUT) >= remaining.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }
        records.sort(Comparator.comparingLong(PeekedRecord::timestampMillis)
                .thenComparingInt(PeekedRecord::partition)
                .thenComparingLong(PeekedRecord::offset));
        return List.copyOf(records.subList(Math.max(0, records.size() - count), records.size()));
    }

    private TopicDescription describe(String topic) {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new StackException(
                        "no topic '" + topic + "' on the brokers; there are: " + String.join(", ", topicNames()));
            }
            throw unreachable("describe topic " + topic, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable("describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    /** Every topic on the brokers but Kafka's internal ones, by name. */
    private Set<String> topicNames() {
        return new TreeSet<>(await(admin.listTopics().names(), "list the topics"));
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer =
                await(admin.listOffsets(request).all(), "read the offsets");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // No group: partitions are assigned by hand and nothing is committed, so looking leaves no trace.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unreachable(what, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private StackException unreachable(String what, Throwable cause) {
        return new StackException("could not " + what + " on the Kafka brokers at " + bootstrapServers + " within "
                + TIMEOUT.toSeconds() + " s (" + cause.getClass().getSimpleName() + "): are they up? "
                + "./pipeline status shows them, ./pipeline up kafka starts them");
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).sorted().toList();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
