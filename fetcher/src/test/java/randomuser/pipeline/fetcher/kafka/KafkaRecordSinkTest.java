package randomuser.pipeline.fetcher.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.mapping.FacetRecord;

class KafkaRecordSinkTest {

    private static final byte[] EMPTY_VALUE = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyRecordGoesToItsFacetTopicUnderItsKeyAsJson() throws Exception {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        KafkaRecordSink sink = new KafkaRecordSink(producer, TopicNames.CATALOGUE);
        byte[] value = "{\"user_id\":\"u1\",\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8);
        sink.send(new FacetRecord(Facet.CONTACT, "u1", value));
        sink.send(new FacetRecord(Facet.PICTURE, "u1", value));

        DeliveryReport report = sink.awaitDelivery();
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertEquals(
                List.of("randomuser.contacts", "randomuser.pictures"),
                sent.stream().map(ProducerRecord::topic).toList());
        assertEquals("u1", sent.get(0).key());
        assertArrayEquals(value, sent.get(0).value());
        assertEquals(2, report.acked());
        assertEquals(0, report.failed());
        assertEquals(2L * (2 + value.length), report.ackedBytes());
        assertEquals(1L, report.ackedByTopic().get("randomuser.contacts"));
        assertEquals(0L, report.ackedByTopic().get("randomuser.profiles"));
    }

    @Test
    void failedSendsAreCountedWithTheFirstError() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        KafkaRecordSink sink = new KafkaRecordSink(producer, TopicNames.CATALOGUE);
        for (int i = 0; i < 4; i++) {
            sink.send(new FacetRecord(Facet.PROFILE, "u" + i, EMPTY_VALUE));
        }
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("only 1 in-sync replica"));
        producer.errorNext(new NotEnoughReplicasException("second"));

        DeliveryReport report = sink.awaitDelivery();
        assertEquals(2, report.acked(), "the first and the one flush() completes");
        assertEquals(2, report.failed());
        assertEquals(Optional.of("NotEnoughReplicasException: only 1 in-sync replica"), report.firstError());
        assertTrue(producer.flushed());
    }

    @Test
    void prefixedTopicsLeaveTheCatalogueTopicsAlone() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        KafkaRecordSink sink = new KafkaRecordSink(producer, TopicNames.prefixed("bench."));
        sink.send(new FacetRecord(Facet.IDENTITY, "u1", EMPTY_VALUE));
        assertEquals("bench.randomuser.identities", producer.history().get(0).topic());
        assertEquals(
                Map.of("bench.randomuser.identities", 1L),
                Map.of(
                        "bench.randomuser.identities",
                        sink.awaitDelivery().ackedByTopic().get("bench.randomuser.identities")));
    }

    @Test
    void producerIsIdempotentWithAcksAllCompressionAndBatching() {
        var properties = ProducerSettings.forFetcher("127.0.0.1:19092", "fetcher-r1");
        assertEquals("all", properties.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", properties.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("lz4", properties.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals("131072", properties.get(ProducerConfig.BATCH_SIZE_CONFIG));
        assertEquals("20", properties.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("127.0.0.1:19092", properties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }
}
