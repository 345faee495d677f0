package randomuser.pipeline.stack.component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * How one streaming job is submitted: {@code SparkSubmit} in client mode, run with plain java so that the
 * driver is that very process (its pid is the job's), on the local master with one core, so that each job
 * gets one of the six one-core workers.
 *
 * <p>The stack's six jobs ({@link #ofStack}) read the catalogue topics into the {@code randomuser} database.
 * Integration tests and benchmarks submit jobs of their own ({@link #custom}: their own topic, collection,
 * database, checkpoint, status file and application name) with this same command line, so that what they
 * check is what the stack runs.
 */
public final class StreamingJobSubmission {
    public static final String MAIN_CLASS = "randomuser.pipeline.streaming.StreamingJob";
    /** The driver's main class: spark-submit's own, which then runs {@link #MAIN_CLASS}. */
    public static final String SUBMIT_CLASS = "org.apache.spark.deploy.SparkSubmit";
    /**
     * Driver heap: the driver plans micro-batches and runs the foreachBatch function's driver side; the
     * rows themselves are on the executor. Spark refuses to start below 450 MiB ("System memory ... must be
     * at least 471859200": 1.5 times its 300 MiB reserve); the heap grows only as far as it is used.
     */
    static final String DRIVER_MEMORY = "512m";
    /** Executor heap; the workers offer 1 GiB each. */
    static final String EXECUTOR_MEMORY = "512m";
    /** A driver mostly plans batches; its heap flags come with {@link SparkJvm#javaCommand}. */
    static final List<String> DRIVER_JVM_OPTIONS = List.of(JvmFootprint.QUICK_JIT);
    /**
     * The workers start executors with -Xmx only. The executors handle every record: they keep the full JIT, and the
     * serial collector (one task thread each, no GC threads competing for two cores) gets room to work. An executor
     * holds each task's records in flight, a Kafka fetch and a bulk of documents waiting for the server. With the
     * other JVMs' small heap ({@link JvmFootprint#SMALL_HEAP}: 32 MiB to start, free ratios 10/30) its old
     * generation, kept at 42-46 MiB, held 36-44 MiB, and what the young collections promoted filled it: 3-8 full
     * collections in 40 s in each executor, and the six spent 0.13-0.15 cores collecting (jstat over 40 s of the
     * sink benchmark's measured round, three runs). A 48 MiB young generation in a heap that starts at
     * 128 MiB: one full collection in 40 s, 0.04 cores for the six, and that CPU went to the server (the jobs
     * wrote 0.67-0.73 of the raw driver's documents/s instead of 0.59-0.66, three and four runs). Resident memory
     * at the end of that round: 330-343 MiB per executor instead of 267-272 MiB.
     */
    static final String EXECUTOR_JVM_OPTIONS = "-XX:+UseSerialGC -Xms128m -Xmn48m";

    static final String LOG_CONFIG = "streaming-job-log4j2.properties";

    private final StackLayout layout;
    private final String appName;
    private final Facet facet;
    private final Path checkpointDir;
    private final Path statusFile;
    /** Job options after {@code --facet}, {@code --checkpoint-dir} and {@code --status-file}. */
    private final List<String> jobOptions;
    /** Whether the driver and executor JVMs get the stack's flags or none (the JVMs' defaults). */
    private final boolean smallFootprint;

    private StreamingJobSubmission(
            StackLayout layout,
            String appName,
            Facet facet,
            Path checkpointDir,
            Path statusFile,
            List<String> jobOptions,
            boolean smallFootprint) {
        this.layout = layout;
        this.appName = appName;
        this.facet = facet;
        this.checkpointDir = checkpointDir;
        this.statusFile = statusFile;
        this.jobOptions = List.copyOf(jobOptions);
        this.smallFootprint = smallFootprint;
    }

    /** One of the stack's six jobs: the facet's catalogue topic and collection, the job's default database. */
    public static StreamingJobSubmission ofStack(StackLayout layout, Facet facet) {
        return new StreamingJobSubmission(
                layout,
                "job-" + facet.facetName(),
                facet,
                layout.checkpointDir(facet.facetName()),
                layout.jobStatusFile(facet.facetName()),
                List.of(),
                true);
    }

    /**
     * A job of a test or benchmark beside the stack's: its application name (also its component, log and pid
     * file name; distinct from the stack's {@code job-<facet>}), the facet whose schema it validates, and where
     * it reads, writes and keeps its state.
     */
    public static StreamingJobSubmission custom(
            StackLayout layout,
            String appName,
            Facet facet,
            String topic,
            String collection,
            String database,
            Path checkpointDir,
            Path statusFile) {
        return new StreamingJobSubmission(
                layout,
                Objects.requireNonNull(appName),
                facet,
                checkpointDir,
                statusFile,
                List.of("--topic", topic, "--collection", collection, "--database", database),
                true);
    }

    /** The same submission with more job options, e.g. {@code --max-offsets-per-trigger 200}. */
    public StreamingJobSubmission withJobOptions(String... options) {
        List<String> all = new ArrayList<>(jobOptions);
        all.addAll(List.of(options));
        return new StreamingJobSubmission(layout, appName, facet, checkpointDir, statusFile, all, smallFootprint);
    }

    /**
     * The same submission with the JVMs' own defaults (G1, a heap that starts at 1/64 of the machine's memory,
     * the full JIT in the driver) instead of the stack's flags ({@link #DRIVER_JVM_OPTIONS}, {@link JvmFootprint}'s
     * heap and {@link #EXECUTOR_JVM_OPTIONS}): what the stack ran before, for the benchmark that compares the two.
     */
    public StreamingJobSubmission withJvmDefaults() {
        return new StreamingJobSubmission(layout, appName, facet, checkpointDir, statusFile, jobOptions, false);
    }

    /** The Spark application's name, and the component, log and pid file name of its driver. */
    public String appName() {
        return appName;
    }

    public Facet facet() {
        return facet;
    }

    public Path checkpointDir() {
        return checkpointDir;
    }

    public Path statusFile() {
        return statusFile;
    }

    /** The driver's log4j2 configuration, installed into the Spark home's conf/ with the stack's jobs. */
    public Path logConfig() {
        return layout.sparkHome().resolve("conf").resolve(LOG_CONFIG);
    }

    /** How the driver's process is started, with Spark's Java 17 module flags read from the installed Spark. */
    public LaunchSpec launchSpec() {
        return new LaunchSpec(
                appName, command(SparkJvm.javaModuleOptions(layout.sparkHome())), environment(), layout.root());
    }

    /** The driver's command line, given Spark's Java 17 module flags. */
    public List<String> command(List<String> javaModuleOptions) {
        List<String> command =
                new ArrayList<>(SparkJvm.javaCommand(layout, DRIVER_MEMORY, javaModuleOptions, SUBMIT_CLASS));
        if (!smallFootprint) {
            // SparkJvm gives every Spark JVM the small heap; with the JVMs' defaults the driver goes without.
            command.removeAll(JvmFootprint.SMALL_HEAP);
        }
        List<String> driverOptions = smallFootprint ? DRIVER_JVM_OPTIONS : List.of();
        command.add(1, "-XX:+ExitOnOutOfMemoryError");
        command.addAll(2, driverOptions);
        command.add(2 + driverOptions.size(), "-Dlog4j2.configurationFile=" + logConfig());
        command.addAll(List.of(
                "--master",
                SparkMaster.URL,
                "--deploy-mode",
                "client",
                "--name",
                appName,
                "--conf",
                "spark.cores.max=1",
                "--conf",
                "spark.executor.cores=1",
                "--conf",
                "spark.executor.memory=" + EXECUTOR_MEMORY));
        if (smallFootprint) {
            command.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + EXECUTOR_JVM_OPTIONS));
        }
        command.addAll(List.of(
                // Informative only: this JVM is already running with -Xmx above.
                "--conf",
                "spark.driver.memory=" + DRIVER_MEMORY,
                // No driver web UI: six of them would take ports 4040-4045 and memory; the status file and
                // the master UI (8081) tell how a job is doing.
                "--conf",
                "spark.ui.enabled=false",
                "--class",
                MAIN_CLASS,
                layout.streamingJobJar().toString(),
                "--facet",
                facet.facetName(),
                "--checkpoint-dir",
                checkpointDir.toString(),
                "--status-file",
                statusFile.toString()));
        command.addAll(jobOptions);
        return command;
    }

    /** Spark's environment, and where the job reads and writes (the job's flags default to these variables). */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(SparkJvm.environment(layout));
        if (!smallFootprint) {
            JvmFootprint.ENVIRONMENT.keySet().forEach(environment::remove);
        }
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBrokerConfig.bootstrapServers());
        environment.put("MONGODB_URI", MongoServer.URI);
        return environment;
    }
}
