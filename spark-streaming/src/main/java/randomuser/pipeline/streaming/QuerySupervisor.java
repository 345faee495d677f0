package randomuser.pipeline.streaming;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the streaming query until it is stopped, restarting it from its checkpoint when it failed only
 * because MongoDB stayed unreachable through a batch's retries. Restarts are bounded per outage: the
 * count starts again once a batch has been written. Any other failure (data loss on the topic, a
 * write MongoDB rejects, a bug) ends the job with a non-zero exit code and a FAILED status.
 */
public final class QuerySupervisor {

    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_FAILED = 1;

    /** A started query that can be waited on. */
    @FunctionalInterface
    public interface RunningQuery {
        /** Returns when the query was stopped; throws what made it fail. */
        void awaitTermination() throws Exception;
    }

    /** Starts the query, from its checkpoint if there is one. */
    @FunctionalInterface
    public interface QueryStarter {
        RunningQuery start() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(QuerySupervisor.class);

    private final QueryStarter starter;
    private final JobMonitor monitor;
    private final JobStatus status;
    private final int maxRestarts;
    private final Duration restartDelay;
    private final Sleeper sleeper;
    private volatile boolean shuttingDown;

    public QuerySupervisor(
            QueryStarter starter,
            JobMonitor monitor,
            JobStatus status,
            int maxRestarts,
            Duration restartDelay,
            Sleeper sleeper) {
        this.starter = starter;
        this.monitor = monitor;
        this.status = status;
        this.maxRestarts = maxRestarts;
        this.restartDelay = restartDelay;
        this.sleeper = sleeper;
    }

    /** Runs until the query stops or fails for good; returns the process exit code. */
    public int run() throws InterruptedException {
        int restartsWithoutProgress = 0;
        while (true) {
            long writtenBefore = monitor.batchesWritten();
            try {
                starter.start().awaitTermination();
                status.stopped();
                return EXIT_STOPPED;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception failure) {
                if (shuttingDown) {
                    // Spark's own shutdown hook stops the context under a running query: not a failure.
                    status.stopped();
                    return EXIT_STOPPED;
                }
                if (monitor.batchesWritten() > writtenBefore) {
                    restartsWithoutProgress = 0;
                }
                MongoUnavailableException outage = find(failure, MongoUnavailableException.class);
                if (outage != null && restartsWithoutProgress < maxRestarts) {
                    restartsWithoutProgress++;
                    String problem = outage.getMessage() + "; restart " + restartsWithoutProgress + "/" + maxRestarts
                            + " from the checkpoint in " + restartDelay.toMillis() + " ms";
                    LOG.warn(problem);
                    status.restarting(problem);
                    sleeper.sleep(restartDelay);
                    continue;
                }
                BatchWriteFailedException writeFailure = find(failure, BatchWriteFailedException.class);
                Throwable cause = outage != null ? outage : writeFailure != null ? writeFailure : rootOf(failure);
                String problem = "query failed: " + JobMonitor.oneLine(cause);
                LOG.error(problem);
                LOG.debug("query failure", failure);
                status.failed(problem);
                return EXIT_FAILED;
            }
        }
    }

    /** Called from a JVM shutdown hook (SIGTERM): the job ends as STOPPED, not FAILED. */
    public void shutdown() {
        shuttingDown = true;
        status.stopped();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost cause that says something, e.g. the Kafka or MongoDB error under Spark's wrappers. */
    private static Throwable rootOf(Throwable failure) {
        Throwable result = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                result = t;
            }
        }
        return result;
    }
}
