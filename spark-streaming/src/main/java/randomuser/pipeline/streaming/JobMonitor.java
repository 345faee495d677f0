package randomuser.pipeline.streaming;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins what the batch function knows (rows in, upserted, dead-lettered) with what only Spark's progress
 * report knows (duration, offsets behind latest) into one log line per micro-batch, and keeps the
 * status file current. Both callbacks run on the driver: the batch function in the query's thread,
 * the listener on Spark's listener bus right after the batch.
 */
public final class JobMonitor extends StreamingQueryListener implements BatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobMonitor.class);
    private static final int MAX_MESSAGE = 200;

    private final String topic;
    private final JobStatus status;
    private final Clock clock;
    private final Map<Long, BatchOutcome> awaitingProgress = new ConcurrentHashMap<>();
    private final AtomicLong batchesWritten = new AtomicLong();

    public JobMonitor(String topic, JobStatus status, Clock clock) {
        this.topic = topic;
        this.status = status;
        this.clock = clock;
    }

    /** Batches the batch function completed since this driver started. */
    public long batchesWritten() {
        return batchesWritten.get();
    }

    @Override
    public void onRetry(long batchId, int failedAttempt, int maxAttempts, Duration wait, Exception failure) {
        String problem = "MongoDB write attempt " + failedAttempt + "/" + maxAttempts + " failed: " + oneLine(failure);
        LOG.warn("topic={} batch={} {}; retrying in {} ms", topic, batchId, problem, wait.toMillis());
        status.retrying(problem);
    }

    @Override
    public void onBatchWritten(BatchOutcome outcome) {
        batchesWritten.incrementAndGet();
        awaitingProgress.put(outcome.batchId(), outcome);
        if (outcome.counts().recordsIn() > 0) {
            status.batchWritten(outcome, clock.instant());
        }
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        LOG.info("topic={} query started id={} run={}", topic, event.id(), event.runId());
        status.queryStarted(event.id().toString());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        OptionalLong lag = lag(progress);
        BatchOutcome outcome = awaitingProgress.remove(progress.batchId());
        awaitingProgress.keySet().removeIf(batchId -> batchId < progress.batchId());
        if (outcome != null) {
            Long triggerMs = progress.durationMs().get("triggerExecution");
            LOG.info(batchLine(topic, outcome, triggerMs != null ? triggerMs : outcome.millis(), lag));
        }
        status.progress(progress.batchId(), progress.inputRowsPerSecond(), progress.processedRowsPerSecond(), lag);
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
        status.idle();
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        // QuerySupervisor decides whether a terminated query is restarted or the job ends.
    }

    /** The per-batch log line, e.g. {@code topic=t batch=3 rows_in=10 upserted=9 dead_lettered=1 ms=420 lag=0}. */
    static String batchLine(String topic, BatchOutcome outcome, long millis, OptionalLong lag) {
        return "topic=" + topic
                + " batch=" + outcome.batchId()
                + " rows_in=" + outcome.counts().recordsIn()
                + " upserted=" + outcome.counts().documents()
                + " dead_lettered=" + outcome.counts().deadLetters()
                + " ms=" + millis
                + " lag=" + (lag.isPresent() ? String.valueOf(lag.getAsLong()) : "unknown")
                + (outcome.attempts() > 1 ? " write_attempts=" + outcome.attempts() : "");
    }

    static OptionalLong lag(StreamingQueryProgress progress) {
        long total = 0;
        for (SourceProgress source : progress.sources()) {
            OptionalLong lag = OffsetLag.of(source.endOffset(), source.latestOffset());
            if (lag.isEmpty()) {
                return OptionalLong.empty();
            }
            total += lag.getAsLong();
        }
        return progress.sources().length == 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** The first line of a failure's message, at most {@value #MAX_MESSAGE} characters: for logs and the status file. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
