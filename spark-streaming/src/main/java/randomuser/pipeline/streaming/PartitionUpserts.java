package randomuser.pipeline.streaming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.bson.RawBsonDocument;

import randomuser.pipeline.catalogue.Facet;

/**
 * The executor side of a micro-batch: one Spark partition (one Kafka partition's records, in offset order)
 * converted record by record and upserted in ordered bulks; returns the partition's counts.
 *
 * <p>One pass, nothing cached and no shuffle. A user's records share a Kafka partition (the key is the
 * user's id), so the ordered bulks leave each user's latest valid record in place, and an invalid newer
 * record never hides a valid older one: it goes to the dead letters instead.
 */
public final class PartitionUpserts implements FlatMapFunction<Iterator<Row>, BatchCounts> {

    private static final long serialVersionUID = 1L;

    private final FacetDocuments documents;
    private final String collection;
    private final int bulkSize;
    private final long writtenAtMillis;
    private final BulkWrites.Opener target;

    /**
     * @param bulkSize documents per bulk write
     * @param writtenAt the batch's time, the same for all its partitions
     */
    public PartitionUpserts(
            FacetDocuments documents, String collection, int bulkSize, Instant writtenAt, BulkWrites.Opener target) {
        this.documents = documents;
        this.collection = collection;
        this.bulkSize = bulkSize;
        this.writtenAtMillis = writtenAt.toEpochMilli();
        this.target = target;
    }

    @Override
    public Iterator<BatchCounts> call(Iterator<Row> rows) {
        BulkWrites writes = target.open();
        Bulk userDocuments = new Bulk(writes, collection);
        Bulk deadLetters = new Bulk(writes, Facet.DEAD_LETTERS_COLLECTION);
        Set<String> users = new HashSet<>();
        long recordsIn = 0;
        while (rows.hasNext()) {
            recordsIn++;
            FacetDocuments.Stored stored = documents.convert(KafkaRecord.of(rows.next()), writtenAtMillis);
            if (stored instanceof FacetDocuments.UserDocument user) {
                users.add(user.userId());
                userDocuments.add(user.document());
            } else {
                deadLetters.add(stored.document());
            }
        }
        userDocuments.flush();
        deadLetters.flush();
        return List.of(new BatchCounts(recordsIn, users.size(), deadLetters.added))
                .iterator();
    }

    /** Documents waiting for their bulk write into one collection. */
    private final class Bulk {
        private final BulkWrites writes;
        private final String into;
        private List<RawBsonDocument> pending = new ArrayList<>();
        private long added;

        Bulk(BulkWrites writes, String into) {
            this.writes = writes;
            this.into = into;
        }

        void add(RawBsonDocument document) {
            pending.add(document);
            added++;
            if (pending.size() >= bulkSize) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                writes.replaceById(into, pending);
                pending = new ArrayList<>();
            }
        }
    }
}
