package randomuser.pipeline.streaming;

import java.io.Serializable;
import java.util.List;

import org.bson.RawBsonDocument;

/** Where a Spark task's documents go: ordered bulks of whole-document upserts by {@code _id}. */
public interface BulkWrites {

    /**
     * Replaces each document found by its {@code _id} (its first field), inserting it if absent, in list order
     * (a later document with the same {@code _id} wins). Throws if any write failed.
     */
    void replaceById(String collection, List<RawBsonDocument> documents);

    /** Opens the writes on an executor; serialisable so that it travels inside a Spark task. */
    interface Opener extends Serializable {
        BulkWrites open();
    }
}
