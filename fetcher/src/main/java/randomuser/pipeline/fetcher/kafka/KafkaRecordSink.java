package randomuser.pipeline.fetcher.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.TopicPolicy;
import randomuser.pipeline.fetcher.mapping.FacetRecord;

/**
 * Produces facet records, their JSON values as they are, under their {@code login.uuid} key, counting every
 * acknowledgement and failure so the run can exit non-zero if anything was not acknowledged.
 */
public final class KafkaRecordSink implements RecordSink {

    private final Producer<String, byte[]> producer;
    private final TopicNames topics;
    private final DeliveryCounter counter;

    public KafkaRecordSink(Producer<String, byte[]> producer, TopicNames topics) {
        this.producer = producer;
        this.topics = topics;
        this.counter = new DeliveryCounter(topics);
    }

    /**
     * Checks the brokers, creates missing topics (each reported to {@code log}), then opens the producer.
     */
    public static KafkaRecordSink open(
            String bootstrapServers,
            int partitions,
            Duration adminTimeout,
            String clientId,
            TopicNames topics,
            Consumer<String> log)
            throws BrokersUnreachableException, TopicSetupException, InterruptedException {
        Collection<String> names =
                java.util.Arrays.stream(Facet.values()).map(topics::topicOf).toList();
        try (TopicProvisioner provisioner = TopicProvisioner.connect(bootstrapServers, adminTimeout)) {
            provisioner.checkReachable();
            for (String created : provisioner.ensureTopics(names, partitions)) {
                log.accept("created topic " + created + " (" + partitions + " partitions, RF "
                        + TopicPolicy.REPLICATION_FACTOR + ", min.insync.replicas="
                        + TopicPolicy.MIN_INSYNC_REPLICAS + ")");
            }
        }
        return new KafkaRecordSink(
                new KafkaProducer<>(ProducerSettings.forFetcher(bootstrapServers, clientId)), topics);
    }

    @Override
    public void send(FacetRecord record) {
        Facet facet = record.facet();
        long size = record.key().getBytes(StandardCharsets.UTF_8).length + (long) record.value().length;
        try {
            producer.send(
                    new ProducerRecord<>(topics.topicOf(facet), record.key(), record.value()), (metadata, error) -> {
                        if (error == null) {
                            counter.acked(facet, size);
                        } else {
                            counter.failed(error.getClass().getSimpleName() + ": " + error.getMessage());
                        }
                    });
        } catch (KafkaException e) {
            counter.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public DeliveryReport awaitDelivery() {
        // flush() returns once every sent record's request has completed and its callback has run.
        producer.flush();
        return counter.report();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
