package randomuser.pipeline.stack;

import java.time.Duration;
import java.util.List;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.component.KafkaBroker;
import randomuser.pipeline.stack.component.KafkaBrokerConfig;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.component.SparkJvm;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.component.StreamingJobSubmission;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.probe.SparkMasterView;
import randomuser.pipeline.stack.process.LaunchSpec;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.StackLock;

/**
 * Failures on purpose, for the resilience tests: a broker, the MongoDB-compatible server, a streaming job's
 * driver or executor killed as a crash would (SIGKILL), the server or a job stopped cleanly, and a job started
 * with a bad setting; and starting again what a test stopped. No command of {@code ./pipeline} uses these: the
 * tests start nothing else.
 */
public final class StackFaults {
    private final LocalStack stack;
    private final StackLayout layout;
    private final ProcessRegistry registry;

    StackFaults(LocalStack stack, StackLayout layout, ProcessRegistry registry) {
        this.stack = stack;
        this.layout = layout;
        this.registry = registry;
    }

    /** Kills one broker with SIGKILL, as a crash would. */
    public void killBroker(int nodeId) {
        requireNodeId(nodeId);
        kill(KafkaBroker.componentName(nodeId));
    }

    /** Starts one broker again (after {@link #killBroker}) and waits until the cluster lists it. */
    public void startBroker(int nodeId) {
        requireNodeId(nodeId);
        stack.ensure(List.of(KafkaBroker.component(layout, nodeId)), List.of());
    }

    private static void requireNodeId(int nodeId) {
        if (!KafkaBrokerConfig.NODE_IDS.contains(nodeId)) {
            throw new IllegalArgumentException("broker node ids are " + KafkaBrokerConfig.NODE_IDS + ", not " + nodeId);
        }
    }

    /** Kills the MongoDB-compatible server with SIGKILL, as a crash would; {@link #startMongo()} starts it again. */
    public void killMongo() {
        kill(MongoServer.NAME);
    }

    /** Stops the MongoDB-compatible server cleanly (SIGTERM, as {@code ./pipeline down} does). */
    public void stopMongo() {
        stopRunning(MongoServer.NAME, LocalStack.STOP_GRACE);
    }

    /** Starts the server again on its data file (after {@link #killMongo} or {@link #stopMongo}) and waits until it answers. */
    public void startMongo() {
        stack.ensure(stack.topology().mongoServer(), List.of());
    }

    /**
     * Kills a streaming job's driver with SIGKILL, as a crash would (its executor is then ended by its worker),
     * and leaves the restart script that runs it alone: that starts the driver again. Answers the driver's pid.
     */
    public long killStreamingJobDriver(Facet facet) {
        String name = StreamingJobDriver.componentName(facet);
        long driver = registry.runningPid(name)
                .flatMap(StreamingJobDriver::driverOf)
                .orElseThrow(() -> new StackException(name + "'s driver is not running"));
        ProcessRegistry.killProcess(driver);
        return driver;
    }

    /** Kills a streaming job's executor with SIGKILL, as a crash would (the master starts another). Answers its pid. */
    public long killStreamingJobExecutor(Facet facet) {
        String name = StreamingJobDriver.componentName(facet);
        long executor = stack.inspection().executorsOf(name).stream()
                .findFirst()
                .orElseThrow(() -> new StackException(name + " has no executor running"));
        ProcessRegistry.killProcess(executor);
        return executor;
    }

    /**
     * Starts a stack job under its restart script with more job options, without waiting for it to run: for
     * tests of a job given a bad setting. {@link #startStreamingJob} brings back the job as the stack
     * runs it.
     */
    public void launchStreamingJobWith(Facet facet, String... jobOptions) {
        StreamingJobDriver job = new StreamingJobDriver(layout, facet);
        StreamingJobSubmission submission = job.submission().withJobOptions(jobOptions);
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            if (registry.runningPid(job.name()).isPresent()) {
                throw new StackException(job.name() + " is running: stop it first");
            }
            registry.launch(new LaunchSpec(
                    job.name(),
                    job.keptRunning(submission.command(SparkJvm.javaModuleOptions(layout.sparkHome()))),
                    submission.environment(),
                    layout.root()));
        }
    }

    /**
     * Stops a streaming job's driver cleanly (SIGTERM: the query stops, the application ends at the master)
     * and waits until the master no longer lists its application, so that a restart gets a worker at once.
     */
    public void stopStreamingJob(Facet facet) {
        String name = StreamingJobDriver.componentName(facet);
        stopRunning(name, LocalStack.STOP_GRACE_CLIENTS);
        awaitApplicationGone(name, Duration.ofSeconds(30));
    }

    /**
     * Starts a streaming job again as the stack runs it (after {@link #stopStreamingJob}, or after its restart
     * script gave up) and waits until its query runs.
     */
    public void startStreamingJob(Facet facet) {
        stack.ensure(List.of(new StreamingJobDriver(layout, facet).component()), List.of());
    }

    /** Stops one running process of the stack cleanly (SIGTERM, SIGKILL after {@code grace}); an error if not running. */
    private void stopRunning(String component, Duration grace) {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            if (registry.runningPid(component).isEmpty()) {
                throw new StackException(component + " is not running");
            }
            registry.stop(List.of(component), grace, stack.progress());
        }
    }

    private void awaitApplicationGone(String appName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Probes probes = stack.probes()) {
            while (System.nanoTime() < deadline) {
                SparkMasterView master = probes.sparkMaster();
                if (master.error() != null || master.activeApps(appName).isEmpty()) {
                    return;
                }
                LocalStack.sleepQuietly(Duration.ofMillis(500));
            }
        }
    }

    private void kill(String component) {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            if (!registry.kill(component)) {
                throw new StackException(component + " is not running");
            }
        }
    }
}
