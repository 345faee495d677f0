package randomuser.pipeline.streaming;

/**
 * Sizes of one micro-batch.
 *
 * @param recordsIn    Kafka records in the batch
 * @param documents    documents upserted: distinct users among the valid records
 * @param deadLetters  invalid records
 */
public record BatchCounts(long recordsIn, long documents, long deadLetters) {

    public boolean hasWrites() {
        return documents > 0 || deadLetters > 0;
    }
}
