package randomuser.pipeline.stack.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a streaming job's driver says about itself in its status file (written by the job on every change,
 * see the spark-streaming module's JobStatus): state, last batch, rates, lag, totals.
 *
 * @param state             STARTING, RUNNING, RETRYING, RESTARTING, STOPPED or FAILED
 * @param pid               the driver that wrote the file: a file of a dead driver says nothing
 * @param batchId           last batch Spark reported progress for
 * @param lastBatchAt       when the last batch with records finished (ISO-8601), or null
 * @param lastBatchRowsIn   records in that batch
 * @param processedRowsPerSecond rate of the last progress report
 * @param lag               offsets behind the topic's end at the last progress report
 * @param totalUpserted     documents written since the driver started
 * @param totalDeadLettered records sent to dead_letters since the driver started
 * @param error             the last problem, or null
 */
public record StreamingJobStatus(
        String state,
        long pid,
        OptionalLong batchId,
        String lastBatchAt,
        OptionalLong lastBatchRowsIn,
        OptionalDouble processedRowsPerSecond,
        OptionalLong lag,
        long totalUpserted,
        long totalDeadLettered,
        String updatedAt,
        String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's content; empty when there is no file yet or it cannot be read. */
    public static Optional<StreamingJobStatus> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(parse(Files.readString(file))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static StreamingJobStatus parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        return new StreamingJobStatus(
                root.path("state").asText("UNKNOWN"),
                root.path("pid").asLong(-1),
                optionalLong(root.path("batch_id")),
                text(root.path("last_batch_at")),
                optionalLong(root.path("last_batch_rows_in")),
                optionalDouble(root.path("processed_rows_per_second")),
                optionalLong(root.path("lag")),
                root.path("total_upserted").asLong(0),
                root.path("total_dead_lettered").asLong(0),
                text(root.path("updated_at")),
                text(root.path("error")));
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }

    private static OptionalLong optionalLong(JsonNode node) {
        return node.isNumber() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }

    private static OptionalDouble optionalDouble(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
