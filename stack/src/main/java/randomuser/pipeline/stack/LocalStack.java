package randomuser.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import randomuser.pipeline.catalogue.DefaultAddresses;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;
import randomuser.pipeline.stack.component.Airflow;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.Emulator;
import randomuser.pipeline.stack.component.InstallSteps;
import randomuser.pipeline.stack.component.KafkaBrokerConfig;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.component.SparkJvm;
import randomuser.pipeline.stack.component.SparkMaster;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.install.Installer;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.mainjob.JobsWatch;
import randomuser.pipeline.stack.mainjob.MainJob;
import randomuser.pipeline.stack.mainjob.MainJobReport;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.StackLock;
import randomuser.pipeline.stack.setup.MongoInit;
import randomuser.pipeline.stack.setup.TopicSetup;

/**
 * The local stack as a Java API: the same code {@code ./pipeline up|down|status|trigger} runs, for the CLI,
 * the integration tests and tools. It brings the stack up and down, runs the main job and names the servers'
 * addresses; what the stack is made of is its {@link #topology()}, what it looks like now its
 * {@link #inspection()}, and the failures tests cause on purpose its {@link #faults()}.
 *
 * <p>Every {@code ensure*} installs what is missing, starts only what is not running and waits until it is
 * healthy, so it is idempotent. The servers keep running after the JVM that started them ends;
 * {@link #stopAll()} stops them. The integration tests start nothing: they {@link #requireRunning} the
 * components they use, and only the fault hooks stop and start again the ones a test breaks on purpose.
 */
public final class LocalStack {
    /** Kafka brokers, Spark, MongoDB: time for a clean shutdown before SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);
    /** Airflow's parts and the streaming jobs' drivers: they stop in seconds, or hang. */
    static final Duration STOP_GRACE_CLIENTS = Duration.ofSeconds(30);
    /** Before a DAG run: how long components that are running may take to look healthy. */
    private static final Duration REQUIRE_UP_WITHIN = Duration.ofSeconds(60);

    private final StackLayout layout;
    private final StackTopology topology;
    private final ProcessRegistry registry;
    private final Progress progress;
    private final Duration timeoutOverride;

    private LocalStack(StackLayout layout, Progress progress, Duration timeoutOverride) {
        this.layout = layout;
        this.topology = new StackTopology(layout);
        this.registry = new ProcessRegistry(layout);
        this.progress = progress;
        this.timeoutOverride = timeoutOverride;
    }

    /** The stack of the project around the working folder (or {@code -Dpipeline.root}); progress on stdout. */
    public static LocalStack forProject() {
        return new LocalStack(StackLayout.forProject(), Progress.toStandardOutput(), null);
    }

    /** The stack of the project at {@code projectRoot}. */
    public static LocalStack at(Path projectRoot) {
        return of(StackLayout.at(projectRoot));
    }

    /** The stack laid out as {@code layout} says (for one whose state is not in var/); progress on stdout. */
    public static LocalStack of(StackLayout layout) {
        return new LocalStack(layout, Progress.toStandardOutput(), null);
    }

    Progress progress() {
        return progress;
    }

    public LocalStack withProgress(Progress newProgress) {
        return new LocalStack(layout, newProgress, timeoutOverride);
    }

    /** Replaces every component's own start timeout (for slow machines, or to see a timeout on purpose). */
    public LocalStack withStartTimeout(Duration timeout) {
        return new LocalStack(layout, progress, timeout);
    }

    // ---- parts

    /** The stack's processes, by group. */
    public StackTopology topology() {
        return topology;
    }

    /** The running stack's health, jobs, backlogs and documents, looked at without changing anything. */
    public StackInspection inspection() {
        return new StackInspection(layout, registry, topology, mongoUri(), this::probes);
    }

    /** Failures on purpose (crashes, a job stopped or given a bad setting), for the resilience tests. */
    public StackFaults faults() {
        return new StackFaults(this, layout, registry);
    }

    // ---- bring up

    /**
     * Everything {@code ./pipeline up} starts: the infrastructure and Airflow (each as soon as what it depends on is
     * healthy), the catalogue topics, the MongoDB collections and indexes, then the six streaming jobs.
     */
    public void ensureAll() {
        ensureAll(TopicSetup.DEFAULT_PARTITIONS);
    }

    /** @param topicPartitions partitions of topics created now (existing topics are left as they are) */
    public void ensureAll(int topicPartitions) {
        List<Component> first = new ArrayList<>(topology.infrastructure());
        first.addAll(topology.airflow());
        ensure(first, List.of(InstallSteps.mongoShell(layout)));
        prepareData(topicPartitions);
        ensure(topology.streamingJobs(), List.of());
    }

    /**
     * The six streaming jobs and what they need: Kafka, MongoDB and Spark running, the topics created and
     * mongo-init.js run. A running job is left alone (never submitted twice).
     */
    public void ensureStreamingJobs() {
        ensure(topology.streamingJobDependencies(), List.of(InstallSteps.mongoShell(layout)));
        prepareData(TopicSetup.DEFAULT_PARTITIONS);
        ensure(topology.streamingJobs(), List.of());
    }

    /** The catalogue topics, then the database's collections and indexes. */
    private void prepareData(int topicPartitions) {
        progress.line(ensureTopics(topicPartitions).summary());
        progress.line(runMongoInit());
    }

    /** Creates the six catalogue topics that are missing (RF 3, min.insync.replicas=2). */
    public TopicSetup.Result ensureTopics(int partitions) {
        return TopicSetup.ensure(bootstrapServers(), partitions);
    }

    /** Runs mongo/mongo-init.js (idempotent); answers its closing line. */
    public String runMongoInit() {
        return MongoInit.run(layout, mongoUri());
    }

    /**
     * Installs everything the stack runs (Kafka and Spark homes, mongosh, Airflow) and checks the project's jars
     * are built (the MongoDB-compatible server, the emulator, the fetcher, the streaming job: {@code ./pipeline}
     * builds them), without starting anything.
     */
    public void installAll() {
        List<InstallStep> steps = new ArrayList<>();
        topology.all().forEach(component -> steps.addAll(component.installSteps()));
        steps.add(InstallSteps.mongoShell(layout));
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            new Installer(progress).install(steps);
        }
    }

    /**
     * Starts (and waits for) the given components and the ones they depend on, each as soon as its dependencies are
     * healthy; the extension point for components added later.
     */
    public void ensure(List<Component> components, List<InstallStep> extraSteps) {
        new Supervisor(layout, registry, progress, timeoutOverride, topology::byName).ensure(components, extraSteps);
    }

    // ---- the main job

    /**
     * Triggers a {@code randomuser_backfill} run through Airflow's REST API, waits for it and for its users in
     * each of the six collections. Needs the stack up ({@link #ensureAll()}).
     */
    public MainJobReport runMainJob(BackfillRequest request) {
        requireUp(topology.all(), REQUIRE_UP_WITHIN);
        return new MainJob(airflowClient(), mongoUri(), progress, streamingJobsWatch()).run(request);
    }

    /** The main job's view of the streaming jobs: a driver that is gone is a problem; their backlog is progress. */
    private JobsWatch streamingJobsWatch() {
        return new JobsWatch() {
            @Override
            public Optional<String> problem() {
                List<String> gone = new ArrayList<>();
                for (Facet facet : Facet.values()) {
                    String name = StreamingJobDriver.componentName(facet);
                    if (registry.runningPid(name).isEmpty()) {
                        gone.add(name + " is not running"
                                + inspection()
                                        .streamingJobStatus(facet)
                                        .map(s -> " (last state " + s.state()
                                                + (s.error() == null ? "" : ": " + s.error()) + ")")
                                        .orElse("")
                                + ", see "
                                + layout.root().relativize(layout.logFile(name)));
                    }
                }
                return gone.isEmpty()
                        ? Optional.empty()
                        : Optional.of(String.join("; ", gone) + "; ./pipeline up starts it again");
            }

            @Override
            public String progress() {
                Map<Facet, OptionalLong> backlog = inspection().streamingBacklog();
                if (backlog.values().stream().anyMatch(OptionalLong::isEmpty)) {
                    return "";
                }
                LongSummaryStatistics records = backlog.values().stream()
                        .mapToLong(OptionalLong::getAsLong)
                        .summaryStatistics();
                return "the jobs have "
                        + (records.getMin() == records.getMax()
                                ? Long.toString(records.getMax())
                                : records.getMin() + "-" + records.getMax())
                        + " records each still to write";
            }
        };
    }

    /**
     * For the integration tests, which run on a stack that is up ({@code ./pipeline test} starts one of its own,
     * {@code ./pipeline up --no-trigger} the user's) and never start a server: waits up to a minute for the
     * components to look healthy (a busy machine), then fails naming each one that is not.
     */
    public void requireRunning(List<Component> components) {
        requireUp(components, REQUIRE_UP_WITHIN);
    }

    /**
     * Waits up to {@code within} for every component to be healthy (a busy machine makes a heartbeat late
     * for a moment), then fails with one message naming each one that is not, and how to start them.
     */
    private void requireUp(List<Component> components, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try (Probes probes = probes()) {
            while (true) {
                List<String> down = new ArrayList<>();
                for (Component component : components) {
                    Health health = component.probe(probes);
                    if (!health.healthy()) {
                        down.add(component.name() + " (" + health.evidence() + ")");
                    }
                }
                if (down.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new StackException("not running: " + String.join("; ", down)
                            + ". Start the stack with ./pipeline up --no-trigger");
                }
                sleepQuietly(Duration.ofSeconds(2));
            }
        }
    }

    static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the stack");
        }
    }

    /** Pauses the every-minute {@code randomuser_ingest} DAG, so that tests see only the runs they trigger. */
    public void pauseScheduledIngest() {
        airflowClient().setPaused(PipelineDags.INGEST, true);
    }

    /** Unpauses {@code randomuser_ingest} (its state is kept in Airflow's database across restarts). */
    public void resumeScheduledIngest() {
        airflowClient().setPaused(PipelineDags.INGEST, false);
    }

    // ---- stop and look

    /**
     * Stops every process started through the stack (components, and anything else with a pid file in
     * var/run) and keeps the data. The streaming jobs and Airflow stop first, while the servers they use are
     * still there; then the servers, all signalled at once.
     *
     * @return the names of the processes that were running
     */
    public List<String> stopAll() {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            Map<String, Long> running = registry.allRunning();
            List<String> clients = topology.clientNames();
            List<String> firstWave =
                    running.keySet().stream().filter(clients::contains).toList();
            List<String> secondWave = running.keySet().stream()
                    .filter(name -> !clients.contains(name))
                    .toList();
            if (!firstWave.isEmpty()) {
                progress.line("stopping " + String.join(", ", firstWave));
                registry.stop(firstWave, STOP_GRACE_CLIENTS, progress);
            }
            if (!secondWave.isEmpty()) {
                progress.line("stopping " + String.join(", ", secondWave));
                registry.stop(secondWave, STOP_GRACE, progress);
            }
            return new ArrayList<>(running.keySet());
        }
    }

    /**
     * Stops the stack {@code ./pipeline test} runs on ({@link StackLayout#forTests()}), if one is left: a test
     * run that was interrupted leaves it running, on the same ports as this stack.
     *
     * @return the names of the processes that were running
     */
    public List<String> stopTestStack() {
        StackLayout tests = layout.forTests();
        if (layout.isForTests() || !Files.isDirectory(tests.runDir())) {
            return List.of();
        }
        return new LocalStack(tests, progress, timeoutOverride).stopAll();
    }

    /** Stops everything, then deletes the state folder (data, logs, pid files, checkpoints, Airflow's database). */
    public void clean() {
        stopTestStack();
        stopAll();
        if (!Files.exists(layout.stateDir())) {
            return;
        }
        try (Stream<Path> paths = Files.walk(layout.stateDir())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + layout.stateDir(), e);
        }
    }

    Probes probes() {
        return new Probes(bootstrapServers(), SparkMaster.UI_URL);
    }

    // ---- addresses

    /**
     * Names this stack in the environment of a process about to start: its state folder, and its servers under
     * the variables the product and the integration tests read ({@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code MONGODB_URI}, {@code SPARK_MASTER_URL}), replacing what the user's shell may have set.
     */
    public void nameIn(Map<String, String> environment) {
        layout.nameStateDirIn(environment);
        environment.put(DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS_VARIABLE, bootstrapServers());
        environment.put(DefaultAddresses.MONGODB_URI_VARIABLE, mongoUri());
        environment.put(DefaultAddresses.SPARK_MASTER_URL_VARIABLE, sparkMasterUrl());
    }

    public String bootstrapServers() {
        return KafkaBrokerConfig.bootstrapServers();
    }

    public String mongoUri() {
        return MongoServer.URI;
    }

    public String sparkMasterUrl() {
        return SparkMaster.URL;
    }

    public String sparkMasterUiUrl() {
        return SparkMaster.UI_URL;
    }

    public String emulatorUrl() {
        return Emulator.URL;
    }

    public String airflowUrl() {
        return Airflow.URL;
    }

    /** A REST client of the local Airflow, logged in as the local admin (admin / admin). */
    public AirflowClient airflowClient() {
        return Airflow.client();
    }

    /** The JVM flags a Spark driver started with plain {@code java} needs on Java 17 (Spark's own list). */
    public List<String> sparkJavaOptions() {
        return SparkJvm.javaModuleOptions(sparkHome());
    }

    // ---- paths

    public Path projectRoot() {
        return layout.root();
    }

    public Path installDir() {
        return layout.installDir();
    }

    public Path stateDir() {
        return layout.stateDir();
    }

    public Path sparkHome() {
        return layout.sparkHome();
    }

    public Path logFile(String component) {
        return layout.logFile(component);
    }

    /** A streaming job's checkpoint folder (var/checkpoints/&lt;facet&gt;). */
    public Path checkpointDir(Facet facet) {
        return layout.checkpointDir(facet.facetName());
    }

    /** A streaming job's status file. */
    public Path streamingJobStatusFile(Facet facet) {
        return layout.jobStatusFile(facet.facetName());
    }

    public StackLayout layout() {
        return layout;
    }
}
