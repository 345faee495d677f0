package randomuser.pipeline.streaming;

import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Offsets behind latest, from a Kafka source's progress: the sum over partitions of
 * {@code latestOffset - endOffset}, both JSON like {@code {"topic":{"0":120,"1":98}}}.
 */
public final class OffsetLag {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OffsetLag() {}

    /** Empty when either side is missing or not Kafka offsets (e.g. before the first batch). */
    public static OptionalLong of(String endOffsetJson, String latestOffsetJson) {
        JsonNode end = read(endOffsetJson);
        JsonNode latest = read(latestOffsetJson);
        if (end == null || latest == null) {
            return OptionalLong.empty();
        }
        long lag = 0;
        for (Iterator<Map.Entry<String, JsonNode>> topics = latest.fields(); topics.hasNext(); ) {
            Map.Entry<String, JsonNode> topic = topics.next();
            for (Iterator<Map.Entry<String, JsonNode>> partitions =
                            topic.getValue().fields();
                    partitions.hasNext(); ) {
                Map.Entry<String, JsonNode> partition = partitions.next();
                JsonNode endOffset = end.path(topic.getKey()).path(partition.getKey());
                if (!partition.getValue().isIntegralNumber()
                        || !(endOffset.isMissingNode() || endOffset.isIntegralNumber())) {
                    return OptionalLong.empty();
                }
                // A partition the query has not read yet (added to the topic) is behind by all of it.
                long consumed = endOffset.isMissingNode() ? 0 : endOffset.asLong();
                lag += Math.max(0, partition.getValue().asLong() - consumed);
            }
        }
        return OptionalLong.of(lag);
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
