package randomuser.pipeline.e2e;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.airflow.PipelineDags;

/**
 * Pauses the every-minute {@code randomuser_ingest} DAG while a test runs, so that the machine's two cores and
 * the streaming jobs serve the test's runs only; {@link #close()} resumes it, which is the local stack's normal
 * state (also after an earlier test run that was killed before resuming it). The tests' checks are by run id,
 * so a scheduled run already under way when the pause comes changes no count.
 */
final class ScheduledIngestPause implements AutoCloseable {
    private final LocalStack stack;

    private ScheduledIngestPause(LocalStack stack) {
        this.stack = stack;
    }

    static ScheduledIngestPause pause(LocalStack stack) {
        stack.pauseScheduledIngest();
        System.out.println("paused " + PipelineDags.INGEST);
        return new ScheduledIngestPause(stack);
    }

    @Override
    public void close() {
        stack.resumeScheduledIngest();
        System.out.println("resumed " + PipelineDags.INGEST);
    }
}
