package randomuser.pipeline.stack.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a streaming query stands in its Kafka topic, read from its checkpoint: the offsets of the last
 * committed batch ({@code offsets/<n>} of the highest {@code commits/<n>}). Everything after them is still
 * to be written, including the batch the query may be working on right now.
 */
public final class CheckpointOffsets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointOffsets() {}

    /** Partition to the next offset to read, for {@code topic}; empty when no batch was committed yet. */
    public static Optional<Map<Integer, Long>> committed(Path checkpointDir, String topic) {
        OptionalLong lastCommit = highestBatch(checkpointDir.resolve("commits"));
        if (lastCommit.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseOffsets(
                    Files.readAllLines(checkpointDir.resolve("offsets").resolve(Long.toString(lastCommit.getAsLong()))),
                    topic));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An offsets file: "v1", the batch metadata, then one JSON line per source ({"topic": {"0": 12, ...}}). */
    static Map<Integer, Long> parseOffsets(List<String> lines, String topic) throws IOException {
        Map<Integer, Long> offsets = new HashMap<>();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            JsonNode partitions = JSON.readTree(line).path(topic);
            partitions
                    .fields()
                    .forEachRemaining(e -> offsets.put(
                            Integer.parseInt(e.getKey()), e.getValue().asLong()));
        }
        return offsets;
    }

    /** Records after the committed offsets up to the topic's end (partitions without a committed offset count from their start). */
    public static long behind(
            Map<Integer, Long> endOffsets, Map<Integer, Long> startOffsets, Map<Integer, Long> committed) {
        long behind = 0;
        for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
            long from = committed.getOrDefault(end.getKey(), startOffsets.getOrDefault(end.getKey(), 0L));
            behind += Math.max(0, end.getValue() - from);
        }
        return behind;
    }

    private static OptionalLong highestBatch(Path dir) {
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit) && !name.isEmpty())
                    .mapToLong(Long::parseLong)
                    .max();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
