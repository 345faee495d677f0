package randomuser.pipeline.streaming.onstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.process.ProcessRegistry;

/**
 * The stack's streaming jobs, stopped to free their Spark workers and started again on {@link #close()}.
 *
 * <p>The stack has six one-core workers and its six jobs hold all of them, so a job submitted beside them would
 * wait forever. Pausing them is chosen over extra workers on purpose: the machine has two cores, and the
 * stack's six drivers and six executors cost CPU even when idle (a trigger a second each) and write the
 * scheduled ingest's users to the same MongoDB-compatible server, whose writes are serialised. Pausing them
 * makes the tests both possible and faster, and loses nothing: each job's checkpoint keeps its place, records
 * produced meanwhile wait on their topics, and each job is started again from its checkpoint. The cluster
 * keeps the shape the stack's own tests check (six workers, six cores). If the JVM that paused them is
 * killed, {@code ./pipeline up} starts them again (it is idempotent).
 */
final class PausedStackJobs implements AutoCloseable {
    private final LocalStack stack;
    private final List<Facet> stopped;

    private PausedStackJobs(LocalStack stack, List<Facet> stopped) {
        this.stack = stack;
        this.stopped = stopped;
    }

    /** Stops the stack's jobs that are running now (SIGTERM, through {@link randomuser.pipeline.stack.StackFaults#stopStreamingJob}). */
    static PausedStackJobs pause(LocalStack stack) {
        ProcessRegistry registry = new ProcessRegistry(stack.layout());
        List<Facet> running = Arrays.stream(Facet.values())
                .filter(facet -> registry.runningPid(StreamingJobDriver.componentName(facet))
                        .isPresent())
                .toList();
        System.out.println("pausing the stack's streaming jobs " + names(running)
                + " to free their Spark workers; they are started again at the end");
        List<Facet> stopped = new ArrayList<>();
        try {
            for (Facet facet : running) {
                stack.faults().stopStreamingJob(facet);
                stopped.add(facet);
            }
        } catch (RuntimeException e) {
            new PausedStackJobs(stack, stopped).close();
            throw e;
        }
        return new PausedStackJobs(stack, stopped);
    }

    /** Starts the paused jobs again, all at once, and waits until each one's query runs. */
    @Override
    public void close() {
        if (stopped.isEmpty()) {
            return;
        }
        System.out.println("starting the stack's streaming jobs " + names(stopped) + " again");
        List<String> names = names(stopped);
        List<Component> jobs = stack.topology().streamingJobs().stream()
                .filter(job -> names.contains(job.name()))
                .toList();
        stack.ensure(jobs, List.of());
    }

    private static List<String> names(List<Facet> facets) {
        return facets.stream().map(StreamingJobDriver::componentName).toList();
    }
}
