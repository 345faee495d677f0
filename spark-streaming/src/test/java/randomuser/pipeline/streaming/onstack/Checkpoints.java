package randomuser.pipeline.streaming.onstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What a query's checkpoint folder says: Spark writes {@code offsets/<batch>} when it plans a micro-batch and
 * {@code commits/<batch>} once the batch's output is done. A batch planned but not committed is run again by the
 * next driver that starts from this checkpoint.
 */
final class Checkpoints {
    private Checkpoints() {}

    /** Latest planned and latest committed batch, e.g. "planned 4, committed 4". */
    static String describe(Path checkpointDir) {
        return "planned " + text(lastBatch(checkpointDir.resolve("offsets"))) + ", committed "
                + text(lastBatch(checkpointDir.resolve("commits")));
    }

    /** True when every batch planned so far is committed (and at least one was). */
    static boolean allCommitted(Path checkpointDir) {
        OptionalLong planned = lastBatch(checkpointDir.resolve("offsets"));
        return planned.isPresent() && planned.equals(lastBatch(checkpointDir.resolve("commits")));
    }

    /** True while a batch is planned but not yet committed: the one a driver killed now must run again. */
    static boolean batchInFlight(Path checkpointDir) {
        OptionalLong planned = lastBatch(checkpointDir.resolve("offsets"));
        OptionalLong committed = lastBatch(checkpointDir.resolve("commits"));
        return planned.isPresent() && (committed.isEmpty() || planned.getAsLong() > committed.getAsLong());
    }

    private static OptionalLong lastBatch(Path dir) {
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(OptionalLong batch) {
        return batch.isPresent() ? Long.toString(batch.getAsLong()) : "none";
    }
}
