package randomuser.pipeline.fetcher.kafka;

import java.time.Duration;

/**
 * Where the records go.
 *
 * @param topicPrefix put before every catalogue topic name ({@code ""}: the catalogue's own topics)
 * @param partitions  partitions of the topics the fetcher creates
 * @param timeout     time allowed for the brokers to answer the reachability check and topic creation
 */
public record KafkaTarget(String bootstrapServers, String topicPrefix, int partitions, Duration timeout) {

    /** The topics this run produces to. */
    public TopicNames topics() {
        return TopicNames.prefixed(topicPrefix);
    }
}
