package randomuser.pipeline.fetcher.kafka;

import java.util.Map;
import java.util.Optional;

/**
 * What happened to the records handed to a sink.
 *
 * @param ackedByTopic acknowledged records per topic, in facet order
 * @param ackedBytes   key + value bytes of the acknowledged records
 * @param failed       records whose send failed
 * @param firstError   the first send error, for the message
 */
public record DeliveryReport(
        Map<String, Long> ackedByTopic, long ackedBytes, long failed, Optional<String> firstError) {

    public long acked() {
        return ackedByTopic.values().stream().mapToLong(Long::longValue).sum();
    }
}
