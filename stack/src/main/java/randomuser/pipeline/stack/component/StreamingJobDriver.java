package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.ResourceFileStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.JobRestarts;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.probe.StreamingJobHealth;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.LaunchSpec;
import randomuser.pipeline.stack.process.ProcFs;
import randomuser.pipeline.stack.process.ProcessRegistry;

/**
 * The driver of one facet's streaming job (spark-streaming/target/spark-streaming.jar): {@code SparkSubmit}
 * in client mode, run with plain java, on the local master with one core, so that the six jobs each get one
 * of the six workers.
 *
 * <p>The driver runs under {@code restart-on-failure.sh} (the component's process; the driver is its child):
 * a driver that dies is started again and resumes from its checkpoint, at most {@link #MAX_RESTARTS_IN_A_ROW}
 * times in a row, as compose's {@code restart: on-failure:3} does for the job's container. An executor that
 * dies is started again by the Spark master, in both deployments. Spark's own driver supervision
 * ({@code --deploy-mode cluster --supervise}) was not used: it runs the driver inside a worker, which would
 * then need a second core for it, and restarts a driver that fails at every start forever.
 */
public final class StreamingJobDriver {
    public static final String MAIN_CLASS = StreamingJobSubmission.MAIN_CLASS;
    static final String LOG_CONFIG = StreamingJobSubmission.LOG_CONFIG;
    static final String RESTART_SCRIPT = "restart-on-failure.sh";
    /**
     * Restarts in a row before a job counts as FAILED: enough for crashes (each restart resumes from the
     * checkpoint), few enough that a bad setting shows in status within a minute. The same as compose's.
     */
    public static final int MAX_RESTARTS_IN_A_ROW = 3;

    private final StackLayout layout;
    private final Facet facet;

    public StreamingJobDriver(StackLayout layout, Facet facet) {
        this.layout = layout;
        this.facet = facet;
    }

    /** "job-profile": the component, log and pid file name, and the Spark application's name. */
    public static String componentName(Facet facet) {
        return "job-" + facet.facetName();
    }

    /**
     * What a job needs serving before its driver is submitted: the Kafka brokers it reads, the database it writes,
     * the Spark master and the workers, one of which runs its executor.
     */
    public static List<String> dependencies() {
        List<String> names = new ArrayList<>();
        KafkaBrokerConfig.NODE_IDS.forEach(id -> names.add(KafkaBroker.componentName(id)));
        names.add(MongoServer.NAME);
        names.add(SparkMaster.NAME);
        IntStream.rangeClosed(1, SparkWorker.COUNT).forEach(n -> names.add(SparkWorker.componentName(n)));
        return List.copyOf(names);
    }

    /**
     * The job as a stack component. No fixed ports: the driver's RPC ports are chosen by Spark, and its web UI is
     * off. Six drivers starting at once on two cores: up to a minute or two until every query runs.
     */
    public Component component() {
        return new Component(
                name(),
                List.of(),
                dependencies(),
                List.of(
                        InstallSteps.sparkHome(layout),
                        InstallSteps.streamingJobJar(layout),
                        new ResourceFileStep("the streaming jobs' log configuration", LOG_CONFIG, logConfig()),
                        new ResourceFileStep(
                                "the streaming jobs' restart policy",
                                RESTART_SCRIPT,
                                layout.installedScript(RESTART_SCRIPT))),
                Duration.ofSeconds(240),
                address(),
                "status " + layout.root().relativize(statusFile()) + "; log "
                        + layout.root().relativize(layout.logFile(name())),
                this::launchSpec,
                this::probe,
                this::createCheckpointFolder);
    }

    public Facet facet() {
        return facet;
    }

    public String name() {
        return componentName(facet);
    }

    /** Where it reads and writes, for the tables. */
    String address() {
        return facet.topic() + " -> " + Facet.DATABASE + "." + facet.collection();
    }

    private void createCheckpointFolder(Progress progress) {
        try {
            Files.createDirectories(layout.checkpointDir(facet.facetName()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path logConfig() {
        return submission().logConfig();
    }

    /** {@code restart-on-failure.sh} running the driver. */
    private LaunchSpec launchSpec() {
        return new LaunchSpec(
                name(), command(SparkJvm.javaModuleOptions(layout.sparkHome())), environment(), layout.root());
    }

    /** The restart script's command line around the driver's, given Spark's Java 17 module flags. */
    List<String> command(List<String> javaModuleOptions) {
        return keptRunning(submission().command(javaModuleOptions));
    }

    /**
     * The driver command run under the restart script, which records into {@link StackLayout#restartRecord}.
     * Public for tests that run a stack job with other settings (e.g. a bad one, to see it fail for good).
     */
    public List<String> keptRunning(List<String> driverCommand) {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                layout.installedScript(RESTART_SCRIPT).toString(),
                layout.restartRecord(name()).toString(),
                Integer.toString(MAX_RESTARTS_IN_A_ROW),
                layout.logFile(name()).toString()));
        command.addAll(driverCommand);
        return command;
    }

    /** Spark's environment, and where the job reads and writes (the job's flags default to these variables). */
    Map<String, String> environment() {
        return submission().environment();
    }

    /** The command line and environment, shared with the jobs tests and benchmarks submit beside the stack's. */
    public StreamingJobSubmission submission() {
        return StreamingJobSubmission.ofStack(layout, facet);
    }

    public Path statusFile() {
        return layout.jobStatusFile(facet.facetName());
    }

    private Health probe(Probes probes) {
        Optional<Long> restartScript = new ProcessRegistry(layout).runningPid(name());
        return StreamingJobHealth.evaluateKept(
                name(),
                probes.sparkMaster(),
                StreamingJobStatus.read(statusFile()),
                restartScript,
                restartScript.flatMap(StreamingJobDriver::driverOf),
                JobRestarts.read(layout.restartRecord(name())));
    }

    /** The driver the restart script runs now: its child running SparkSubmit (not the sleep between restarts). */
    public static Optional<Long> driverOf(long restartScriptPid) {
        return ProcessHandle.of(restartScriptPid).stream()
                .flatMap(ProcessHandle::children)
                .map(ProcessHandle::pid)
                .filter(child -> ProcFs.arguments(child).contains(StreamingJobSubmission.SUBMIT_CLASS))
                .findFirst();
    }
}
