package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;

class MicroBatchWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:05:00Z"), ZoneOffset.UTC);
    private static final RetryPolicy THREE_ATTEMPTS = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final FakeSink sink = new FakeSink();
    private final List<Duration> sleeps = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();

    private MicroBatchWriter writer(RetryPolicy policy) {
        return new MicroBatchWriter(sink, policy, sleeps::add, CLOCK, listener);
    }

    private static Dataset<Row> batchWithOneBadRecord() {
        return new KafkaRecords(Facet.PROFILE.topic())
                .add(0, 0, "u-1", FacetValues.profile("u-1", "GB").toString())
                .add(0, 1, "u-2", FacetValues.profile("u-2", "FR").toString())
                .add(0, 2, "u-3", "{broken")
                .toDataFrame();
    }

    @Test
    void documentsGoToTheCollectionAndInvalidRecordsToDeadLetters() throws Exception {
        writer(THREE_ATTEMPTS).call(batchWithOneBadRecord(), 4L);

        assertEquals(List.of("u-1", "u-2"), sink.ids("profiles"));
        assertEquals(List.of("randomuser.profiles:0:2"), sink.ids(Facet.DEAD_LETTERS_COLLECTION));
        assertEquals(List.of(), sleeps);
        BatchOutcome outcome = listener.outcomes.get(0);
        assertEquals(4L, outcome.batchId());
        assertEquals(new BatchCounts(3, 2, 1), outcome.counts());
        assertEquals(1, outcome.attempts());
    }

    @Test
    void aBatchWithoutInvalidRecordsWritesNoDeadLetters() throws Exception {
        writer(THREE_ATTEMPTS)
                .call(
                        new KafkaRecords(Facet.PROFILE.topic())
                                .add(
                                        0,
                                        0,
                                        "u-1",
                                        FacetValues.profile("u-1", "GB").toString())
                                .toDataFrame(),
                        0L);

        assertEquals(List.of("profiles"), new ArrayList<>(sink.written.keySet()));
    }

    @Test
    void everyDocumentOfABatchHasTheBatchsTimeAsWrittenAt() throws Exception {
        writer(THREE_ATTEMPTS).call(batchWithOneBadRecord(), 4L);

        assertEquals(
                List.of(Date.from(CLOCK.instant())),
                sink.written.get("profiles").values().stream()
                        .map(d -> d.get("_ingest", Document.class).get("written_at"))
                        .distinct()
                        .toList());
        assertEquals(
                Date.from(CLOCK.instant()),
                sink.written
                        .get(Facet.DEAD_LETTERS_COLLECTION)
                        .values()
                        .iterator()
                        .next()
                        .get("failed_at"));
    }

    @Test
    void anEmptyBatchWritesNothing() throws Exception {
        writer(THREE_ATTEMPTS).call(new KafkaRecords(Facet.PROFILE.topic()).toDataFrame(), 0L);

        assertEquals(Map.of(), sink.written);
        assertEquals(BatchCounts.NONE, listener.outcomes.get(0).counts());
    }

    @Test
    void anUnreachableDatabaseIsRetriedWithBackoffAndNothingIsDeadLettered() throws Exception {
        sink.unreachableFor = 2;
        writer(THREE_ATTEMPTS).call(batchWithOneBadRecord(), 7L);

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        assertEquals(List.of("7:1", "7:2"), listener.retries);
        assertEquals(List.of("u-1", "u-2"), sink.ids("profiles"));
        assertEquals(List.of("randomuser.profiles:0:2"), sink.ids(Facet.DEAD_LETTERS_COLLECTION));
        assertEquals(3, listener.outcomes.get(0).attempts());
    }

    @Test
    void whenRetriesRunOutTheBatchFailsAsUnavailableAndWritesNothing() {
        sink.unreachableFor = Integer.MAX_VALUE;
        MongoUnavailableException failure = assertThrows(
                MongoUnavailableException.class, () -> writer(THREE_ATTEMPTS).call(batchWithOneBadRecord(), 9L));

        assertEquals("batch 9: MongoDB unreachable after 3 attempts: connection refused", failure.getMessage());
        assertEquals(Map.of(), sink.written);
        assertEquals(List.of(), listener.outcomes);
        assertEquals(2, sleeps.size());
    }

    @Test
    void aWriteThatKeepsFailingOnAReachableDatabaseFailsAsAWriteFailure() {
        sink.failingWrites = Integer.MAX_VALUE;
        BatchWriteFailedException failure = assertThrows(
                BatchWriteFailedException.class, () -> writer(THREE_ATTEMPTS).call(batchWithOneBadRecord(), 9L));

        assertEquals("batch 9: writing to MongoDB failed 3 times: document rejected", failure.getMessage());
        assertTrue(listener.outcomes.isEmpty());
    }

    @Test
    void aRetriedBatchWritesTheSameDocumentsAgain() throws Exception {
        sink.failingWrites = 1;
        writer(THREE_ATTEMPTS).call(batchWithOneBadRecord(), 1L);

        // The failed attempt wrote nothing in this fake; a real partial write is simply replaced.
        assertEquals(List.of("u-1", "u-2"), sink.ids("profiles"));
        assertEquals(2, listener.outcomes.get(0).attempts());
    }

    /**
     * Runs the executor side ({@link PartitionUpserts}) on the driver over the whole batch and keeps the
     * upserted documents by collection and _id, like MongoDB with replace semantics.
     */
    private static final class FakeSink implements DocumentSink {
        final Map<String, Map<String, Document>> written = new LinkedHashMap<>();
        int unreachableFor;
        int failingWrites;

        @Override
        public void checkReachable() {
            if (unreachableFor-- > 0) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public BatchCounts upsert(Dataset<Row> kafkaRecords, Instant writtenAt) {
            if (failingWrites-- > 0) {
                throw new IllegalStateException("document rejected");
            }
            BulkWrites memory = (collection, documents) ->
                    documents.forEach(document -> written.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                            .put(document.getString("_id").getValue(), document.decode(new DocumentCodec())));
            return new PartitionUpserts(new FacetDocuments(Facet.PROFILE), "profiles", 512, writtenAt, () -> memory)
                    .call(KafkaRecord.columnsOf(kafkaRecords).collectAsList().iterator())
                    .next();
        }

        List<String> ids(String collection) {
            return written.getOrDefault(collection, Map.of()).keySet().stream()
                    .sorted()
                    .toList();
        }
    }

    private static final class RecordingListener implements BatchListener {
        final List<BatchOutcome> outcomes = new ArrayList<>();
        final List<String> retries = new ArrayList<>();

        @Override
        public void onRetry(long batchId, int failedAttempt, int maxAttempts, Duration wait, Exception failure) {
            retries.add(batchId + ":" + failedAttempt);
        }

        @Override
        public void onBatchWritten(BatchOutcome outcome) {
            outcomes.add(outcome);
        }
    }
}
