package randomuser.pipeline.streaming;

import java.io.Serializable;

/**
 * Sizes of one micro-batch, or of one of its Spark partitions (summed on the driver).
 *
 * @param recordsIn    Kafka records in the batch
 * @param documents    documents upserted: distinct users among the valid records
 * @param deadLetters  invalid records
 */
public record BatchCounts(long recordsIn, long documents, long deadLetters) implements Serializable {

    public static final BatchCounts NONE = new BatchCounts(0, 0, 0);

    /** Both together; a user's records share one Kafka partition, so partitions' users do not overlap. */
    public BatchCounts plus(BatchCounts other) {
        return new BatchCounts(
                recordsIn + other.recordsIn, documents + other.documents, deadLetters + other.deadLetters);
    }
}
