package randomuser.pipeline.streaming.onstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The test's own topics: created, read back record by record, copied, deleted. */
final class Topics {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);

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
        List<KafkaRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader()) {
            readToEnd(
                    consumer,
                    topic,
                    System.nanoTime() + TIMEOUT.toNanos(),
                    record -> records.add(new KafkaRecord(
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                            record.partition(),
                            record.offset(),
                            record.timestamp(),
                            record.value())));
        }
        return records;
    }

    /**
     * Copies every record of each source topic (key, value, headers, timestamp) to the same partition of its
     * target topic, all in one producer transaction, and commits it. Readers of the targets that read committed
     * records only, as the streaming jobs do, see none of the copies while they are written, then all of them at
     * once: a round produced in full before the jobs, already running, read any of it.
     *
     * @return records copied
     */
    long copyInOneTransaction(Map<String, String> targetBySource) {
        return copyInOneTransaction(targetBySource, true);
    }

    /** As {@link #copyInOneTransaction(Map)}, but the transaction is aborted: no committed reader ever sees them. */
    long copyInAbortedTransaction(Map<String, String> targetBySource) {
        return copyInOneTransaction(targetBySource, false);
    }

    private long copyInOneTransaction(Map<String, String> targetBySource, boolean commit) {
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "copy-" + UUID.randomUUID());
        // Long enough for 600,000 records on this machine (the broker allows up to 15 minutes).
        producerProperties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) COPY_TIMEOUT.toMillis());
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerProperties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader();
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            long deadline = System.nanoTime() + COPY_TIMEOUT.toNanos();
            for (Map.Entry<String, String> sourceAndTarget : targetBySource.entrySet()) {
                String target = sourceAndTarget.getValue();
                copied += readToEnd(
                        consumer,
                        sourceAndTarget.getKey(),
                        deadline,
                        record -> producer.send(new ProducerRecord<>(
                                target,
                                record.partition(),
                                record.timestamp(),
                                record.key(),
                                record.value(),
                                record.headers())));
            }
            // On the brokers before the outcome: an abort drops the records still waiting in the producer, and
            // aborted records must be on the topic for a reader to skip.
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
        return copied;
    }

    private KafkaConsumer<byte[], byte[]> committedReader() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Hands each record on the topic now to {@code each}, partition by partition in offset order, until every
     * partition's end as it was at the start; fails past {@code deadline} ({@link System#nanoTime()}).
     *
     * @return records read
     */
    private static long readToEnd(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            long deadline,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, TIMEOUT)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        long read = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end " + end + " in time");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                each.accept(record);
                read++;
            }
        }
        return read;
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
