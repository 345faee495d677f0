package randomuser.pipeline.stack.topics;

import java.util.List;
import java.util.OptionalLong;

/**
 * One partition of a topic as the brokers and the streaming job's checkpoint see it.
 *
 * @param leader       the leader's node id, or -1 when the partition has none
 * @param replicas     node ids holding a replica
 * @param inSync       node ids of the in-sync replicas
 * @param startOffset  the first offset still on the brokers
 * @param endOffset    the offset the next record gets
 * @param jobCommitted the next offset the topic's streaming job reads (its last committed batch), if it has one
 */
public record TopicPartitionReport(
        String topic,
        int partition,
        int leader,
        List<Integer> replicas,
        List<Integer> inSync,
        long startOffset,
        long endOffset,
        OptionalLong jobCommitted) {

    /** Records the job has not committed yet; everything since the start when it committed nothing. */
    public OptionalLong jobLag(boolean topicHasJob) {
        if (!topicHasJob) {
            return OptionalLong.empty();
        }
        long from = Math.max(startOffset, jobCommitted.orElse(startOffset));
        return OptionalLong.of(Math.max(0, endOffset - from));
    }
}
