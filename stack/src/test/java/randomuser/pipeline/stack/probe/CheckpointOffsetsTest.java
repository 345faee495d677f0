package randomuser.pipeline.stack.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointOffsetsTest {
    private static String offsetsFile(String sourceLine) {
        return "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1795299385058,\"conf\":{}}\n" + sourceLine + "\n";
    }

    @Test
    void theLastCommittedBatchsOffsetsCountNotABatchInProgress(@TempDir Path checkpoint) throws Exception {
        Files.createDirectories(checkpoint.resolve("offsets"));
        Files.createDirectories(checkpoint.resolve("commits"));
        Files.writeString(
                checkpoint.resolve("offsets").resolve("9"),
                offsetsFile("{\"randomuser.profiles\":{\"2\":10,\"1\":20,\"0\":30}}"));
        Files.writeString(
                checkpoint.resolve("offsets").resolve("10"),
                offsetsFile("{\"randomuser.profiles\":{\"2\":99,\"1\":99,\"0\":99}}"));
        Files.writeString(checkpoint.resolve("commits").resolve("9"), "v1\n{\"nextBatchWatermarkMs\":0}\n");
        Files.writeString(checkpoint.resolve("commits").resolve(".9.crc"), "x");

        assertEquals(
                Optional.of(Map.of(0, 30L, 1, 20L, 2, 10L)),
                CheckpointOffsets.committed(checkpoint, "randomuser.profiles"));
    }

    @Test
    void aQueryWithoutCommitHasNoOffsets(@TempDir Path checkpoint) {
        assertEquals(Optional.empty(), CheckpointOffsets.committed(checkpoint, "randomuser.profiles"));
    }

    @Test
    void behindCountsFromTheCommittedOffsetOrThePartitionsStart() {
        Map<Integer, Long> ends = Map.of(0, 100L, 1, 50L, 2, 70L);
        Map<Integer, Long> starts = Map.of(0, 0L, 1, 0L, 2, 5L);
        assertEquals(10 + 0 + 65, CheckpointOffsets.behind(ends, starts, Map.of(0, 90L, 1, 50L)));
    }
}
