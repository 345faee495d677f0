package randomuser.pipeline.streaming;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's status as a small JSON file that {@code ./pipeline status} reads. Rewritten whole (temp file
 * + atomic rename) on every change, so a reader never sees half a file. Keys, all always present:
 *
 * <pre>
 * job, facet, topic, collection     what this job is ("job-profile", "profile", ...)
 * pid                               the driver's process id (a reader can tell a dead driver's stale file)
 * state                             STARTING | RUNNING | RETRYING | RESTARTING | STOPPED | FAILED
 * query_id                          Spark's query id (stable across restarts: it lives in the checkpoint)
 * batch_id                          id of the last batch that Spark reported progress for, or null
 * last_batch_at                     when the last batch that had records finished (ISO-8601), or null
 * last_batch_rows_in / _upserted / _dead_lettered / _ms   that batch's figures, or null
 * input_rows_per_second, processed_rows_per_second        of the last progress report, or null
 * lag                               offsets behind latest at the last progress report, or null if unknown
 * total_rows_in, total_upserted, total_dead_lettered      since this driver started
 * started_at, updated_at            ISO-8601
 * error                             last problem (retrying, restarting, failed), else null
 * </pre>
 * Spark reports progress after every batch and, when idle, about every 10 s, so {@code updated_at} of
 * a RUNNING job stays fresh.
 */
public final class JobStatus {

    public enum State {
        STARTING,
        RUNNING,
        RETRYING,
        RESTARTING,
        STOPPED,
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobStatus.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private State state = State.STARTING;
    private long totalRowsIn;
    private long totalUpserted;
    private long totalDeadLettered;

    public JobStatus(Path file, String job, String facet, String topic, String collection, long pid, Clock clock) {
        this.file = file;
        this.clock = clock;
        fields.put("job", job);
        fields.put("facet", facet);
        fields.put("topic", topic);
        fields.put("collection", collection);
        fields.put("pid", pid);
        fields.put("state", state.name());
        fields.put("query_id", null);
        fields.put("batch_id", null);
        fields.put("last_batch_at", null);
        fields.put("last_batch_rows_in", null);
        fields.put("last_batch_upserted", null);
        fields.put("last_batch_dead_lettered", null);
        fields.put("last_batch_ms", null);
        fields.put("input_rows_per_second", null);
        fields.put("processed_rows_per_second", null);
        fields.put("lag", null);
        fields.put("total_rows_in", 0L);
        fields.put("total_upserted", 0L);
        fields.put("total_dead_lettered", 0L);
        fields.put("started_at", clock.instant().toString());
        fields.put("updated_at", null);
        fields.put("error", null);
    }

    public Path file() {
        return file;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized void starting() {
        write();
    }

    public synchronized void queryStarted(String queryId) {
        if (isFinal()) {
            return;
        }
        fields.put("query_id", queryId);
        setState(State.RUNNING, null);
    }

    /** A batch with records was written. */
    public synchronized void batchWritten(BatchOutcome outcome, Instant finishedAt) {
        if (isFinal()) {
            return;
        }
        totalRowsIn += outcome.counts().recordsIn();
        totalUpserted += outcome.counts().documents();
        totalDeadLettered += outcome.counts().deadLetters();
        fields.put("last_batch_at", finishedAt.toString());
        fields.put("last_batch_rows_in", outcome.counts().recordsIn());
        fields.put("last_batch_upserted", outcome.counts().documents());
        fields.put("last_batch_dead_lettered", outcome.counts().deadLetters());
        fields.put("last_batch_ms", outcome.millis());
        fields.put("total_rows_in", totalRowsIn);
        fields.put("total_upserted", totalUpserted);
        fields.put("total_dead_lettered", totalDeadLettered);
        setState(State.RUNNING, null);
    }

    /** Spark's progress report after a batch. */
    public synchronized void progress(
            long batchId, double inputRowsPerSecond, double processedRowsPerSecond, OptionalLong lag) {
        if (isFinal()) {
            return;
        }
        fields.put("batch_id", batchId);
        reportRates(inputRowsPerSecond, processedRowsPerSecond, lag);
    }

    /** Spark found no new records: nothing is behind, nothing flows. */
    public synchronized void idle() {
        if (!isFinal()) {
            reportRates(0, 0, OptionalLong.of(0));
        }
    }

    public synchronized void retrying(String problem) {
        if (!isFinal()) {
            setState(State.RETRYING, problem);
        }
    }

    public synchronized void restarting(String problem) {
        if (!isFinal()) {
            setState(State.RESTARTING, problem);
        }
    }

    public synchronized void stopped() {
        if (!isFinal()) {
            setState(State.STOPPED, null);
        }
    }

    public synchronized void failed(String problem) {
        if (!isFinal()) {
            setState(State.FAILED, problem);
        }
    }

    /** The file's content as written last; for tests and logs. */
    public synchronized Map<String, Object> snapshot() {
        return new LinkedHashMap<>(fields);
    }

    private void reportRates(double inputRowsPerSecond, double processedRowsPerSecond, OptionalLong lag) {
        fields.put("input_rows_per_second", finiteOrNull(inputRowsPerSecond));
        fields.put("processed_rows_per_second", finiteOrNull(processedRowsPerSecond));
        fields.put("lag", lag.isPresent() ? lag.getAsLong() : null);
        // A late report must not hide that the query is being restarted.
        if (state == State.RESTARTING) {
            write();
        } else {
            setState(State.RUNNING, null);
        }
    }

    private boolean isFinal() {
        return state == State.STOPPED || state == State.FAILED;
    }

    private void setState(State newState, String error) {
        state = newState;
        fields.put("state", newState.name());
        fields.put("error", error);
        write();
    }

    private void write() {
        fields.put("updated_at", clock.instant().toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), fields);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The status file is a convenience for the operator; the stream must go on without it.
            LOG.warn("cannot write status file {}: {}", file, e.getMessage());
        }
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
