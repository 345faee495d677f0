package randomuser.pipeline.streaming;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.mongodb.ConnectionString;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import randomuser.pipeline.catalogue.DefaultAddresses;
import randomuser.pipeline.catalogue.Facet;

/**
 * Streams one facet topic into its MongoDB collection. Submitted once per topic with spark-submit;
 * runs until stopped (SIGTERM) or until it fails for good.
 */
@Command(
        name = "streaming-job",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Streams one facet's Kafka topic into its MongoDB collection; invalid records go to "
                + Facet.DEAD_LETTERS_COLLECTION + ".")
public final class StreamingJob implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingJob.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--facet",
            paramLabel = "NAME",
            description = "Facet to stream (profile, location, contact, account, identity, picture): its topic, "
                    + "collection and schema come from the catalogue.")
    String facetName;

    @Option(
            names = "--topic",
            description = "Kafka topic; default: the facet's. Without --facet it must be a catalogue topic.")
    String topic;

    @Option(names = "--collection", description = "MongoDB collection; default: the facet's.")
    String collection;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT,...",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-" + DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS + "}",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--mongodb-uri",
            paramLabel = "URI",
            defaultValue = "${env:MONGODB_URI:-" + DefaultAddresses.MONGODB_URI + "}",
            description = "MongoDB connection string (env MONGODB_URI; default ${DEFAULT-VALUE}).")
    String mongoUri;

    @Option(
            names = "--database",
            defaultValue = "${env:MONGODB_DATABASE:-" + Facet.DATABASE + "}",
            description = "MongoDB database (env MONGODB_DATABASE; default ${DEFAULT-VALUE}).")
    String database;

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "DIR",
            description = "Checkpoint folder of this job; default var/checkpoints/<facet>. Keep it to resume "
                    + "where the job stopped; delete it to start over from --starting-offsets.")
    Path checkpointDir;

    @Option(
            names = "--status-file",
            paramLabel = "FILE",
            description = "Status JSON file; default <checkpoint-dir>/../status/<facet>.json.")
    Path statusFile;

    @Option(
            names = "--trigger-interval",
            defaultValue = "1 second",
            description = "Processing-time trigger (default ${DEFAULT-VALUE}).")
    String triggerInterval;

    @Option(
            names = "--max-offsets-per-trigger",
            defaultValue = "20000",
            description = "Records per micro-batch at most (default ${DEFAULT-VALUE}).")
    long maxOffsetsPerTrigger;

    @Option(
            names = "--starting-offsets",
            defaultValue = "earliest",
            description = "Where a job without checkpoint starts: earliest, latest or Kafka offsets JSON "
                    + "(default ${DEFAULT-VALUE}).")
    String startingOffsets;

    @Option(
            names = "--fail-on-data-loss",
            arity = "1",
            defaultValue = "true",
            description = "Fail when records the job has not read are gone from the topic (default ${DEFAULT-VALUE}).")
    boolean failOnDataLoss;

    @Option(
            names = "--write-bulk-size",
            defaultValue = "512",
            description = "Documents per MongoDB bulk write (default ${DEFAULT-VALUE}: about half a MiB, few round "
                    + "trips, far below a server's 48 MB message limit).")
    int writeBulkSize;

    @Option(
            names = "--write-attempts",
            defaultValue = "10",
            description = "Attempts to write one batch to MongoDB before the query stops (default ${DEFAULT-VALUE}).")
    int writeAttempts;

    @Option(
            names = "--write-backoff-ms",
            defaultValue = "1000",
            description = "Wait after the first failed write; doubles each time (default ${DEFAULT-VALUE}).")
    long writeBackoffMillis;

    @Option(
            names = "--write-max-backoff-ms",
            defaultValue = "30000",
            description = "Longest wait between two write attempts (default ${DEFAULT-VALUE}).")
    long writeMaxBackoffMillis;

    @Option(
            names = "--max-restarts",
            defaultValue = "10",
            description = "Query restarts from the checkpoint while MongoDB stays unreachable, before the job "
                    + "exits (default ${DEFAULT-VALUE}); counted again after each written batch.")
    int maxRestarts;

    @Option(
            names = "--restart-delay-ms",
            defaultValue = "10000",
            description = "Wait before such a restart (default ${DEFAULT-VALUE}).")
    long restartDelayMillis;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-message error handling: no stack trace for a user's mistake. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new StreamingJob());
        commandLine.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            LOG.error("streaming job failed: {}", JobMonitor.oneLine(ex));
            LOG.debug("streaming job failure", ex);
            return QuerySupervisor.EXIT_FAILED;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        JobSettings settings = resolve();
        SparkSession.Builder builder = SparkSession.builder();
        // spark-submit's --name, when given, stays the application's name at the master: tests and
        // benchmarks run jobs of their own beside the stack's job-<facet> ones, under names of their own.
        if (!new SparkConf().contains("spark.app.name")) {
            builder.appName(settings.jobName());
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return run(spark, settings);
        } finally {
            spark.stop();
        }
    }

    private static int run(SparkSession spark, JobSettings settings) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        JobStatus status = new JobStatus(
                settings.statusFile(),
                settings.jobName(),
                settings.facet().facetName(),
                settings.topic(),
                settings.collection(),
                ProcessHandle.current().pid(),
                clock);
        status.starting();
        LOG.info(
                "{}: topic {} -> {}.{}, checkpoint {}, status {}",
                settings.jobName(),
                settings.topic(),
                settings.database(),
                settings.collection(),
                settings.checkpointDir(),
                settings.statusFile());
        try (MongoBulkSink sink = new MongoBulkSink(
                settings.mongoUri(),
                settings.database(),
                settings.collection(),
                new FacetDocuments(settings.facet()),
                settings.writeBulkSize())) {
            JobMonitor monitor = new JobMonitor(settings.topic(), status, clock);
            spark.streams().addListener(monitor);
            MicroBatchWriter writer = new MicroBatchWriter(sink, settings.writeRetry(), Sleeper.REAL, clock, monitor);
            FacetQuery query = new FacetQuery(spark, settings, writer);
            QuerySupervisor supervisor = new QuerySupervisor(
                    () -> {
                        StreamingQuery started = query.start();
                        return started::awaitTermination;
                    },
                    monitor,
                    status,
                    settings.maxRestarts(),
                    settings.restartDelay(),
                    Sleeper.REAL);
            Runtime.getRuntime().addShutdownHook(new Thread(supervisor::shutdown, "status-on-shutdown"));
            return supervisor.run();
        }
    }

    /** Checks the options and fills in the catalogue's defaults; a mistake is one clear message. */
    JobSettings resolve() {
        Facet facet = resolveFacet();
        String resolvedTopic = topic != null ? requireText(topic, "--topic") : facet.topic();
        String resolvedCollection = collection != null ? requireText(collection, "--collection") : facet.collection();
        if (resolvedCollection.equals(Facet.DEAD_LETTERS_COLLECTION)) {
            throw userError(
                    "--collection cannot be " + Facet.DEAD_LETTERS_COLLECTION + ": it holds the invalid records");
        }
        requireText(bootstrapServers, "--bootstrap-servers");
        try {
            new ConnectionString(mongoUri);
        } catch (IllegalArgumentException e) {
            throw userError("--mongodb-uri is not a MongoDB connection string: " + e.getMessage());
        }
        requireText(database, "--database");
        try {
            Trigger.ProcessingTime(triggerInterval);
        } catch (IllegalArgumentException e) {
            throw userError("--trigger-interval '" + triggerInterval + "' is not an interval such as '1 second'");
        }
        if (maxOffsetsPerTrigger < 1) {
            throw userError("--max-offsets-per-trigger must be at least 1");
        }
        String offsets = startingOffsets.trim();
        if (!offsets.equals("earliest") && !offsets.equals("latest") && !offsets.startsWith("{")) {
            throw userError("--starting-offsets must be earliest, latest or a Kafka offsets JSON object");
        }
        if (writeBulkSize < 1) {
            throw userError("--write-bulk-size must be at least 1");
        }
        RetryPolicy retry;
        try {
            retry = new RetryPolicy(
                    writeAttempts, Duration.ofMillis(writeBackoffMillis), Duration.ofMillis(writeMaxBackoffMillis));
        } catch (IllegalArgumentException e) {
            throw userError("--write-attempts/--write-backoff-ms/--write-max-backoff-ms: " + e.getMessage());
        }
        if (maxRestarts < 0 || restartDelayMillis < 0) {
            throw userError("--max-restarts and --restart-delay-ms cannot be negative");
        }
        Path checkpoint = (checkpointDir != null ? checkpointDir : Path.of("var", "checkpoints", facet.facetName()))
                .toAbsolutePath()
                .normalize();
        Path status = (statusFile != null
                        ? statusFile
                        : checkpoint.resolveSibling("status").resolve(facet.facetName() + ".json"))
                .toAbsolutePath()
                .normalize();
        return new JobSettings(
                facet,
                resolvedTopic,
                resolvedCollection,
                bootstrapServers,
                mongoUri,
                database,
                checkpoint,
                status,
                triggerInterval,
                maxOffsetsPerTrigger,
                offsets,
                failOnDataLoss,
                writeBulkSize,
                retry,
                maxRestarts,
                Duration.ofMillis(restartDelayMillis));
    }

    private Facet resolveFacet() {
        if (facetName != null) {
            return Facet.byName(facetName)
                    .orElseThrow(() -> userError("unknown facet '" + facetName + "'; one of " + facetNames()));
        }
        if (topic != null) {
            return Facet.byTopic(topic)
                    .orElseThrow(() -> userError("topic '" + topic
                            + "' is not in the catalogue: add --facet NAME to say which schema its values have"));
        }
        throw userError("say what to stream: --facet NAME (one of " + facetNames() + ") or --topic TOPIC");
    }

    private String requireText(String value, String option) {
        if (value == null || value.isBlank()) {
            throw userError(option + " must not be empty");
        }
        return value.trim();
    }

    private ParameterException userError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String facetNames() {
        return Arrays.stream(Facet.values()).map(Facet::facetName).collect(Collectors.joining(", "));
    }
}
