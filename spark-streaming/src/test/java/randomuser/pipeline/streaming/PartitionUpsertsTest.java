package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;

class PartitionUpsertsTest {

    private static final Instant WRITTEN_AT = Instant.parse("2024-03-01T12:05:00Z");
    private static final String PROFILES = Facet.PROFILE.topic();

    /** Every bulk, in order, as "collection: _id _id ...". */
    private final List<String> bulks = new ArrayList<>();

    private final List<Document> written = new ArrayList<>();

    private PartitionUpserts upserts(int bulkSize) {
        return new PartitionUpserts(
                new FacetDocuments(Facet.PROFILE), "profiles", bulkSize, WRITTEN_AT, () -> (collection, documents) -> {
                    bulks.add(collection + ":"
                            + documents.stream()
                                    .map(d -> " " + d.getString("_id").getValue())
                                    .reduce("", String::concat));
                    documents.forEach(d -> written.add(d.decode(new DocumentCodec())));
                });
    }

    /** A row shaped like {@link KafkaRecord#columnsOf}. */
    private static Row row(long offset, String key, String value) {
        return RowFactory.create(
                key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                PROFILES,
                0,
                offset,
                Timestamp.from(Instant.parse("2024-03-01T12:00:00Z")));
    }

    private static BatchCounts only(Iterator<BatchCounts> counts) {
        BatchCounts first = counts.next();
        assertEquals(false, counts.hasNext());
        return first;
    }

    @Test
    void documentsGoInOrderedBulksOfTheGivenSizeAndDeadLettersInTheirOwn() {
        BatchCounts counts = only(upserts(2)
                .call(List.of(
                                row(0, "u-1", FacetValues.profile("u-1", "GB").toString()),
                                row(1, "u-2", FacetValues.profile("u-2", "GB").toString()),
                                row(2, "x", "{broken"),
                                row(3, "u-3", FacetValues.profile("u-3", "GB").toString()),
                                row(4, "u-4", FacetValues.profile("u-4", "GB").toString()),
                                row(5, "u-5", FacetValues.profile("u-5", "GB").toString()))
                        .iterator()));

        assertEquals(
                List.of(
                        "profiles: u-1 u-2",
                        "profiles: u-3 u-4",
                        "profiles: u-5",
                        "dead_letters: randomuser.profiles:0:2"),
                bulks);
        assertEquals(new BatchCounts(6, 5, 1), counts);
    }

    @Test
    void aUsersLaterRecordIsWrittenAfterItsEarlierOneAndTheUserCountsOnce() {
        BatchCounts counts = only(upserts(512)
                .call(List.of(
                                row(3, "u-1", FacetValues.profile("u-1", "GB").toString()),
                                row(4, "u-2", FacetValues.profile("u-2", "NO").toString()),
                                row(9, "u-1", FacetValues.profile("u-1", "FR").toString()),
                                row(
                                        10,
                                        "u-1",
                                        FacetValues.with(FacetValues.profile("u-1", "DE"), v -> v.put("nat", 1))))
                        .iterator()));

        // Ordered replaces by _id: the last valid one of u-1 (FR, offset 9) is what stays; the invalid newer
        // one (offset 10) is a dead letter and hides nothing.
        assertEquals(List.of("profiles: u-1 u-2 u-1", "dead_letters: randomuser.profiles:0:10"), bulks);
        assertEquals("FR", written.get(2).get("nat"));
        assertEquals(9L, written.get(2).get("_ingest", Document.class).get("offset"));
        assertEquals(new BatchCounts(4, 2, 1), counts);
    }

    @Test
    void anEmptyPartitionWritesNothingAndCountsZero() {
        assertEquals(BatchCounts.NONE, only(upserts(512).call(List.<Row>of().iterator())));
        assertEquals(List.of(), bulks);
    }

    @Test
    void aFailedBulkFailsThePartitionSoSparkRetriesIt() {
        PartitionUpserts failing = new PartitionUpserts(
                new FacetDocuments(Facet.PROFILE), "profiles", 512, WRITTEN_AT, () -> (collection, documents) -> {
                    throw new IllegalStateException("E11000-like failure");
                });

        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> failing.call(
                        List.of(row(0, "u-1", FacetValues.profile("u-1", "GB").toString()))
                                .iterator()));
        assertEquals("E11000-like failure", failure.getMessage());
    }
}
