package randomuser.pipeline.streaming.onstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.component.StreamingJobSubmission;
import randomuser.pipeline.stack.probe.StreamingJobHealth;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.LogTail;
import randomuser.pipeline.stack.process.ProcessRegistry;

/**
 * A streaming job a test submits beside the stack's, as a stack component: launched with the stack's own
 * command line ({@link StreamingJobSubmission}), started and waited for by the stack's supervisor, registered
 * in var/run (so {@code ./pipeline down} stops one a killed test left behind), logged to var/logs/NAME.log.
 */
final class TestJob {
    /** Six drivers and six executors starting at once on two busy cores. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static final ObjectMapper STATUS_JSON = new ObjectMapper();

    private final StackLayout layout;
    private final StreamingJobSubmission submission;
    private final String topic;
    private final String database;

    TestJob(StackLayout layout, StreamingJobSubmission submission, String topic, String database) {
        this.layout = layout;
        this.submission = submission;
        this.topic = topic;
        this.database = database;
    }

    Facet facet() {
        return submission.facet();
    }

    String topic() {
        return topic;
    }

    Path checkpointDir() {
        return submission.checkpointDir();
    }

    /** What the driver last wrote about itself; empty before it started. */
    Optional<StreamingJobStatus> status() {
        return StreamingJobStatus.read(submission.statusFile());
    }

    /**
     * Records the current driver read since it started ({@code total_rows_in} of its status file, which the
     * stack's status reader does not need); -1 without a status file.
     */
    long totalRowsIn() {
        try {
            return Files.isRegularFile(submission.statusFile())
                    ? STATUS_JSON
                            .readTree(submission.statusFile().toFile())
                            .path("total_rows_in")
                            .asLong(-1)
                    : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver's pid while it runs. */
    Optional<Long> pid() {
        return new ProcessRegistry(layout).runningPid(name());
    }

    Path logFile() {
        return layout.logFile(name());
    }

    /** One paragraph for a failure message: the status file and the end of the driver's log. */
    String diagnostics() {
        return name() + ": driver " + pid().map(pid -> "pid " + pid).orElse("not running") + ", status "
                + status().map(TestJob::describe).orElse("(no status file)") + "; "
                + LogTail.excerpt(logFile(), 15);
    }

    static String describe(StreamingJobStatus status) {
        return status.state() + " batch="
                + (status.batchId().isPresent() ? status.batchId().getAsLong() : "-")
                + " lag=" + (status.lag().isPresent() ? status.lag().getAsLong() : "-")
                + " upserted=" + status.totalUpserted() + " dead_lettered=" + status.totalDeadLettered()
                + (status.error() != null ? " error=" + status.error() : "");
    }

    String name() {
        return submission.appName();
    }

    /**
     * The job as a stack component, for the supervisor to start and wait for. Nothing to install: the build
     * running the tests has just packaged the job's jar, and the running stack has its Spark home.
     */
    Component component() {
        return new Component(
                name(),
                List.of(),
                StreamingJobDriver.dependencies(),
                List.of(),
                START_TIMEOUT,
                topic + " -> " + database + "." + submission.facet().collection(),
                "log " + logFile(),
                submission::launchSpec,
                probes -> StreamingJobHealth.evaluate(name(), probes.sparkMaster(), status(), pid()),
                progress -> createCheckpointFolder());
    }

    private void createCheckpointFolder() {
        try {
            Files.createDirectories(submission.checkpointDir().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
