package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    public static final String MAIN_CLASS = StreamingJobSubmission.MAIN_CLASS;
    static final String LOG_CONFIG = StreamingJobSubmission.LOG_CONFIG;

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
        return submission().logConfig();
    }

    @Override
    public LaunchSpec launchSpec() {
        return new LaunchSpec(name(), command(SparkJvm.javaModuleOptions(layout.sparkHome())), environment(), layout.root());
    }

    /** The driver's command line, given Spark's Java 17 module flags. */
    List<String> command(List<String> javaModuleOptions) {
        return submission().command(javaModuleOptions);
    }

    /** Spark's environment, and where the job reads and writes (the job's flags default to these variables). */
    Map<String, String> environment() {
        return submission().environment();
    }

    /** The command line and environment, shared with the jobs tests and benchmarks submit beside the stack's. */
    private StreamingJobSubmission submission() {
        return StreamingJobSubmission.ofStack(layout, facet);
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
