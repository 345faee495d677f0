package randomuser.pipeline.stack.cli;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.StackStatus;
import randomuser.pipeline.stack.probe.StreamingJobStatus;

/**
 * {@code ./pipeline status --json}: the facts of the tables, for scripts. Absent values are JSON null, memory in
 * KiB, names as in the tables; {@code all_up} is what the exit status says.
 */
final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {}

    static String render(StackStatus status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("all_up", status.allUp());
        ArrayNode components = root.putArray("components");
        for (ComponentStatus component : status.components()) {
            ObjectNode node = components.addObject();
            node.put("name", component.name());
            node.put("up", component.up());
            put(node, "pid", component.pid());
            node.put("rss_kib", component.rssKiB());
            node.put("evidence", component.evidence());
        }
        root.put("total_rss_kib", ComponentStatus.totalRssKiB(status.components()));
        ArrayNode jobs = root.putArray("jobs");
        for (StackStatus.Job job : status.jobs()) {
            ObjectNode node = jobs.addObject();
            node.put("name", job.name());
            node.put("driver_running", job.driverRunning());
            put(node, "backlog", job.backlog());
            node.put("driver_rss_kib", job.driverKiB());
            node.put("executor_rss_kib", job.executorKiB());
            StreamingJobStatus file = job.status().orElse(null);
            node.put("state", file == null ? null : file.state());
            put(node, "batch", file == null ? OptionalLong.empty() : file.batchId());
            node.put("last_batch_at", file == null ? null : file.lastBatchAt());
            put(node, "last_batch_rows_in", file == null ? OptionalLong.empty() : file.lastBatchRowsIn());
            put(node, "rows_per_second", file == null ? OptionalDouble.empty() : file.processedRowsPerSecond());
            put(node, "lag", file == null ? OptionalLong.empty() : file.lag());
            put(node, "upserted", file == null ? OptionalLong.empty() : OptionalLong.of(file.totalUpserted()));
            put(node, "dead_lettered", file == null ? OptionalLong.empty() : OptionalLong.of(file.totalDeadLettered()));
            node.put("error", file == null ? null : file.error());
        }
        ObjectNode documents = root.putObject("documents");
        status.documents().forEach(documents::put);
        root.put("documents_error", status.documentsError());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status as JSON", e);
        }
    }

    private static void put(ObjectNode node, String field, OptionalLong value) {
        if (value.isPresent()) {
            node.put(field, value.getAsLong());
        } else {
            node.putNull(field);
        }
    }

    private static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }
}
