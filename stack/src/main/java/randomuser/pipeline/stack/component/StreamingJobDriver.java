package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.install.ResourceFileStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.probe.StreamingJobHealth;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.LaunchSpec;
import randomuser.pipeline.stack.process.ProcessRegistry;

/**
 * The driver of one facet's streaming job (spark-streaming/target/spark-streaming.jar): {@code SparkSubmit}
 * in client mode, run with plain java so that the driver is this very process (its pid is the job's), on
 * the local master with one core, so that the six jobs each get one of the six workers.
 */
public final class StreamingJobDriver implements Component {
    public static final String MAIN_CLASS = "randomuser.pipeline.streaming.StreamingJob";
    /**
     * Driver heap: the driver plans micro-batches and runs the foreachBatch function's driver side; the
     * rows themselves are on the executor. Spark refuses to start below 450 MiB ("System memory ... must be
     * at least 471859200": 1.5 times its 300 MiB reserve); the heap grows only as far as it is used.
     */
    static final String DRIVER_MEMORY = "512m";
    /** Executor heap; the workers offer 1 GiB each. */
    static final String EXECUTOR_MEMORY = "512m";
    static final String LOG_CONFIG = "streaming-job-log4j2.properties";

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

    public Facet facet() {
        return facet;
    }

    @Override
    public String name() {
        return componentName(facet);
    }

    /** None fixed: the driver's RPC ports are chosen by Spark, and its web UI is off. */
    @Override
    public List<Integer> ports() {
        return List.of();
    }

    @Override
    public List<InstallStep> installSteps() {
        return List.of(InstallSteps.sparkHome(layout), InstallSteps.streamingJobJar(layout),
                new ResourceFileStep("the streaming jobs' log configuration", LOG_CONFIG, logConfig()));
    }

    @Override
    public void prepare(Progress progress) {
        try {
            Files.createDirectories(layout.checkpointDir(facet.facetName()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path logConfig() {
        return layout.sparkHome().resolve("conf").resolve(LOG_CONFIG);
    }

    @Override
    public LaunchSpec launchSpec() {
        return new LaunchSpec(name(), command(SparkJvm.javaModuleOptions(layout.sparkHome())), environment(), layout.root());
    }

    /** The driver's command line, given Spark's Java 17 module flags. */
    List<String> command(List<String> javaModuleOptions) {
        List<String> command = new ArrayList<>(SparkJvm.javaCommand(layout, DRIVER_MEMORY, javaModuleOptions,
                "org.apache.spark.deploy.SparkSubmit"));
        command.add(1, "-XX:+ExitOnOutOfMemoryError");
        command.add(2, "-Dlog4j2.configurationFile=" + logConfig());
        command.addAll(List.of(
                "--master", SparkMaster.URL,
                "--deploy-mode", "client",
                "--name", name(),
                "--conf", "spark.cores.max=1",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.executor.memory=" + EXECUTOR_MEMORY,
                // Informative only: this JVM is already running with -Xmx above.
                "--conf", "spark.driver.memory=" + DRIVER_MEMORY,
                // No driver web UI: six of them would take ports 4040-4045 and memory; the status file and
                // the master UI (8081) tell how a job is doing.
                "--conf", "spark.ui.enabled=false",
                "--class", MAIN_CLASS,
                layout.streamingJobJar().toString(),
                "--facet", facet.facetName(),
                "--checkpoint-dir", layout.checkpointDir(facet.facetName()).toString(),
                "--status-file", statusFile().toString()));
        return command;
    }

    /** Spark's environment, and where the job reads and writes (the job's flags default to these variables). */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(SparkJvm.environment(layout));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBrokerConfig.bootstrapServers());
        environment.put("MONGODB_URI", MongoServer.URI);
        return environment;
    }

    public Path statusFile() {
        return layout.jobStatusFile(facet.facetName());
    }

    @Override
    public Health probe(Probes probes) {
        return StreamingJobHealth.evaluate(name(), probes.sparkMaster(), StreamingJobStatus.read(statusFile()),
                new ProcessRegistry(layout).runningPid(name()));
    }

    /** Six drivers starting at once on two cores: up to a minute or two until every query runs. */
    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(240);
    }

    @Override
    public String address() {
        return facet.topic() + " -> " + Facet.DATABASE + "." + facet.collection();
    }

    @Override
    public String howToUse() {
        return "status " + layout.root().relativize(statusFile()) + "; log " + layout.root().relativize(layout.logFile(name()));
    }
}
