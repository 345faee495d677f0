package randomuser.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import randomuser.pipeline.catalogue.DefaultAddresses;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;
import randomuser.pipeline.stack.component.Airflow;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.Emulator;
import randomuser.pipeline.stack.component.InstallSteps;
import randomuser.pipeline.stack.component.KafkaBroker;
import randomuser.pipeline.stack.component.KafkaBrokerConfig;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.component.SparkJvm;
import randomuser.pipeline.stack.component.SparkMaster;
import randomuser.pipeline.stack.component.SparkWorker;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.install.Installer;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.mainjob.JobsWatch;
import randomuser.pipeline.stack.mainjob.MainJob;
import randomuser.pipeline.stack.mainjob.MainJobReport;
import randomuser.pipeline.stack.mainjob.RunDocuments;
import randomuser.pipeline.stack.probe.CheckpointOffsets;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.probe.SparkMasterView;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.MemoryAttribution;
import randomuser.pipeline.stack.process.ProcFs;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.SparkExecutors;
import randomuser.pipeline.stack.process.StackLock;
import randomuser.pipeline.stack.setup.MongoInit;
import randomuser.pipeline.stack.setup.TopicSetup;

/**
 * The local stack as a Java API: the same code {@code ./pipeline up|down|status|trigger} runs, for the CLI,
 * the integration tests and tools. Every {@code ensure*} installs what is missing, starts only what is not
 * running and waits until it is healthy, so it is idempotent. The servers keep running after the JVM that
 * started them ends; {@link #stopAll()} stops them. The integration tests start nothing: they
 * {@link #requireRunning} the components they use, and only the fault hooks ({@link #faults()}) stop and start
 * the ones a test breaks on purpose.
 */
public final class LocalStack {
    /**
     * Runs the status report's probes at once (each has its own timeout of a few seconds); daemon threads, so a
     * probe stuck on the network never keeps the CLI alive.
     */
    private static final ExecutorService STATUS_PROBES = Executors.newFixedThreadPool(16, task -> {
        Thread thread = new Thread(task, "status-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** Kafka brokers, Spark, MongoDB: time for a clean shutdown before SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);
    /** Airflow's parts and the streaming jobs' drivers: they stop in seconds, or hang. */
    private static final Duration STOP_GRACE_CLIENTS = Duration.ofSeconds(30);
    /** Before a DAG run: how long components that are running may take to look healthy. */
    private static final Duration REQUIRE_UP_WITHIN = Duration.ofSeconds(60);

    private final StackLayout layout;
    private final ProcessRegistry registry;
    private final Progress progress;
    private final Duration timeoutOverride;

    private LocalStack(StackLayout layout, Progress progress, Duration timeoutOverride) {
        this.layout = layout;
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

    public LocalStack withProgress(Progress newProgress) {
        return new LocalStack(layout, newProgress, timeoutOverride);
    }

    /** Replaces every component's own start timeout (for slow machines, or to see a timeout on purpose). */
    public LocalStack withStartTimeout(Duration timeout) {
        return new LocalStack(layout, progress, timeout);
    }

    // ---- components

    public List<Component> kafkaComponents() {
        return KafkaBrokerConfig.NODE_IDS.stream().map(id -> (Component) new KafkaBroker(layout, id)).toList();
    }

    public List<Component> mongoComponents() {
        return List.of(new MongoServer(layout));
    }

    public List<Component> sparkComponents() {
        List<Component> spark = new ArrayList<>();
        spark.add(new SparkMaster(layout));
        IntStream.rangeClosed(1, SparkWorker.COUNT).forEach(n -> spark.add(new SparkWorker(layout, n)));
        return spark;
    }

    public List<Component> emulatorComponents() {
        return List.of(new Emulator(layout));
    }

    public List<Component> airflowComponents() {
        return List.of(new Airflow(layout));
    }

    /** The six streaming jobs' drivers, in catalogue order. */
    public List<Component> streamingJobComponents() {
        return Arrays.stream(Facet.values()).map(facet -> (Component) new StreamingJobDriver(layout, facet)).toList();
    }

    /** The servers the jobs and DAGs depend on, in start order. */
    public List<Component> infrastructureComponents() {
        List<Component> all = new ArrayList<>(kafkaComponents());
        all.addAll(mongoComponents());
        all.addAll(emulatorComponents());
        all.addAll(sparkComponents());
        return all;
    }

    /** Every component, in start order: the infrastructure, Airflow, the streaming jobs. */
    public List<Component> allComponents() {
        List<Component> all = new ArrayList<>(infrastructureComponents());
        all.addAll(airflowComponents());
        all.addAll(streamingJobComponents());
        return all;
    }

    // ---- bring up

    /**
     * Everything {@code ./pipeline up} starts: the infrastructure and Airflow (started side by side), the
     * catalogue topics, the MongoDB collections and indexes, then the six streaming jobs.
     */
    public void ensureAll() {
        ensureAll(TopicSetup.DEFAULT_PARTITIONS);
    }

    /** @param topicPartitions partitions of topics created now (existing topics are left as they are) */
    public void ensureAll(int topicPartitions) {
        List<Component> first = new ArrayList<>(infrastructureComponents());
        first.addAll(airflowComponents());
        ensure(first, List.of(InstallSteps.mongoShell(layout)));
        prepareData(topicPartitions);
        ensure(streamingJobComponents(), List.of());
    }

    /**
     * The six streaming jobs and what they need: Kafka, MongoDB and Spark running, the topics created and
     * mongo-init.js run. A running job is left alone (never submitted twice).
     */
    public void ensureStreamingJobs() {
        List<Component> needed = new ArrayList<>(kafkaComponents());
        needed.addAll(mongoComponents());
        needed.addAll(sparkComponents());
        ensure(needed, List.of(InstallSteps.mongoShell(layout)));
        prepareData(TopicSetup.DEFAULT_PARTITIONS);
        ensure(streamingJobComponents(), List.of());
    }

    /** Starts one streaming job again (after {@link #stopStreamingJob}, or after its restart script gave up) and waits until its query runs. */
    public void startStreamingJob(Facet facet) {
        ensure(List.of(new StreamingJobDriver(layout, facet)), List.of());
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
     * Installs and builds everything the stack runs (Kafka and Spark homes, the MongoDB-compatible server,
     * mongosh, Airflow, the emulator, fetcher and streaming-job jars) without starting anything.
     */
    public void installAll() {
        List<InstallStep> steps = new ArrayList<>();
        allComponents().forEach(component -> steps.addAll(component.installSteps()));
        steps.add(InstallSteps.mongoShell(layout));
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            new Installer(progress).install(steps);
        }
    }

    /** Starts (and waits for) the given components; the extension point for components added later. */
    public void ensure(List<Component> components, List<InstallStep> extraSteps) {
        new Supervisor(layout, registry, progress, timeoutOverride).ensure(components, extraSteps);
    }

    // ---- the main job

    /**
     * Triggers a {@code randomuser_backfill} run through Airflow's REST API, waits for it and for its users in
     * each of the six collections. Needs the stack up ({@link #ensureAll()}).
     */
    public MainJobReport runMainJob(BackfillRequest request) {
        requireUp(allComponents(), REQUIRE_UP_WITHIN);
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
                        gone.add(name + " is not running" + streamingJobStatus(facet).map(s -> " (last state " + s.state()
                                + (s.error() == null ? "" : ": " + s.error()) + ")").orElse("") + ", see "
                                + layout.root().relativize(layout.logFile(name)));
                    }
                }
                return gone.isEmpty() ? Optional.empty()
                        : Optional.of(String.join("; ", gone) + "; ./pipeline up starts it again");
            }

            @Override
            public String progress() {
                Map<Facet, OptionalLong> backlog = streamingBacklog();
                if (backlog.values().stream().anyMatch(OptionalLong::isEmpty)) {
                    return "";
                }
                LongSummaryStatistics records = backlog.values().stream().mapToLong(OptionalLong::getAsLong).summaryStatistics();
                return "the jobs have " + (records.getMin() == records.getMax() ? Long.toString(records.getMax())
                        : records.getMin() + "-" + records.getMax()) + " records each still to write";
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
    public void requireUp(List<Component> components, Duration within) {
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

    private static void sleepQuietly(Duration duration) {
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

    /** Failures on purpose (crashes, a job with a bad setting), for the resilience tests. */
    public StackFaults faults() {
        return new StackFaults(this, layout, registry);
    }

    /** The pids of the executors working for the job now. */
    public Set<Long> executorsOf(String jobName) {
        try (Probes probes = probes()) {
            return executorsOf(jobName, probes.sparkMaster(), executorsByApplication(registry.allRunning()));
        }
    }

    /** Application id to its executors' pids, among the running workers' child processes. */
    private Map<String, Set<Long>> executorsByApplication(Map<String, Long> running) {
        return SparkExecutors.byApplication(sparkComponents().stream().filter(c -> c instanceof SparkWorker)
                .map(c -> running.get(c.name())).filter(pid -> pid != null).toList());
    }

    private static Set<Long> executorsOf(String jobName, SparkMasterView master, Map<String, Set<Long>> byApplication) {
        Set<Long> pids = new HashSet<>();
        master.activeApps(jobName).forEach(app -> pids.addAll(byApplication.getOrDefault(app.id(), Set.of())));
        return pids;
    }

    /**
     * Stops a streaming job's driver cleanly (SIGTERM: the query stops, the application ends at the master)
     * and waits until the master no longer lists its application, so that a restart gets a worker at once.
     */
    public void stopStreamingJob(Facet facet) {
        String name = StreamingJobDriver.componentName(facet);
        stopRunning(name, STOP_GRACE_CLIENTS);
        awaitApplicationGone(name, Duration.ofSeconds(30));
    }

    /** Stops one running process of the stack cleanly (SIGTERM, SIGKILL after {@code grace}); an error if not running. */
    void stopRunning(String component, Duration grace) {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            if (registry.runningPid(component).isEmpty()) {
                throw new StackException(component + " is not running");
            }
            registry.stop(List.of(component), grace, progress);
        }
    }

    private void awaitApplicationGone(String appName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Probes probes = probes()) {
            while (System.nanoTime() < deadline) {
                SparkMasterView master = probes.sparkMaster();
                if (master.error() != null || master.activeApps(appName).isEmpty()) {
                    return;
                }
                sleepQuietly(Duration.ofMillis(500));
            }
        }
    }

    /** True when every job has written every record of its topic (a job Kafka gives no backlog for has not). */
    public boolean streamingJobsCaughtUp() {
        return streamingBacklog().values().stream().allMatch(backlog -> backlog.isPresent() && backlog.getAsLong() == 0);
    }

    /**
     * Per job, the records of its topic after its last committed batch: what it has still to write (the batch
     * it works on included). Empty for a job when Kafka does not answer.
     */
    public Map<Facet, OptionalLong> streamingBacklog() {
        try (Probes probes = probes()) {
            return backlog(probes);
        }
    }

    private Map<Facet, OptionalLong> backlog(Probes probes) {
        Map<Facet, OptionalLong> backlog = new LinkedHashMap<>();
        Optional<Map<String, Map<Integer, long[]>>> offsets = probes.topicOffsets(
                Arrays.stream(Facet.values()).map(Facet::topic).toList());
        for (Facet facet : Facet.values()) {
            Map<Integer, long[]> partitions = offsets.map(o -> o.get(facet.topic())).orElse(null);
            if (partitions == null) {
                backlog.put(facet, OptionalLong.empty());
                continue;
            }
            Map<Integer, Long> starts = new LinkedHashMap<>();
            Map<Integer, Long> ends = new LinkedHashMap<>();
            partitions.forEach((partition, range) -> {
                starts.put(partition, range[0]);
                ends.put(partition, range[1]);
            });
            Map<Integer, Long> committed = CheckpointOffsets.committed(checkpointDir(facet), facet.topic()).orElse(Map.of());
            backlog.put(facet, OptionalLong.of(CheckpointOffsets.behind(ends, starts, committed)));
        }
        return backlog;
    }

    /** What a streaming job's driver last wrote about itself; empty before its first start. */
    public Optional<StreamingJobStatus> streamingJobStatus(Facet facet) {
        return StreamingJobStatus.read(layout.jobStatusFile(facet.facetName()));
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
            Set<String> clients = new HashSet<>();
            airflowComponents().forEach(c -> clients.add(c.name()));
            streamingJobComponents().forEach(c -> clients.add(c.name()));
            List<String> firstWave = running.keySet().stream().filter(clients::contains).toList();
            List<String> secondWave = running.keySet().stream().filter(name -> !clients.contains(name)).toList();
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

    /** Up or down with evidence, pid and resident memory for every component and every other started process. */
    public List<ComponentStatus> status() {
        return processes().components();
    }

    /**
     * Each component's health, pid and memory (a job's executors count for the job, not for their worker; a
     * process's children count for it), each streaming job's status file, and the document counts.
     */
    public StackStatus statusReport() {
        // The counts are asked for beside the probes, not after them: each probe waits on the network, and the
        // report answers in the time of the slowest one.
        CompletableFuture<Map<String, Long>> counting = CompletableFuture.supplyAsync(() -> {
            try (RunDocuments counts = new RunDocuments(mongoUri(), Facet.DATABASE)) {
                return counts.totalCounts();
            }
        }, STATUS_PROBES);
        StackStatus processes = processes();
        Map<String, Long> documents = Map.of();
        String documentsError = null;
        boolean mongoUp = processes.components().stream().anyMatch(c -> c.name().equals(MongoServer.NAME) && c.up());
        if (mongoUp) {
            try {
                documents = counting.join();
            } catch (CompletionException e) {
                documentsError = e.getCause() instanceof StackException stack ? stack.getMessage() : String.valueOf(e.getCause());
            }
        } else {
            counting.cancel(true);
            documentsError = "MongoDB is down";
        }
        return new StackStatus(processes.components(), processes.jobs(), documents, documentsError);
    }

    /** Components and jobs, without asking MongoDB for counts. */
    private StackStatus processes() {
        List<Component> components = allComponents();
        Map<String, Long> running = new TreeMap<>(registry.allRunning());
        Map<String, Health> health = new LinkedHashMap<>();
        Map<String, Set<Long>> executors = new LinkedHashMap<>();
        Map<Facet, OptionalLong> backlog;
        try (Probes probes = probes()) {
            CompletableFuture<Map<Facet, OptionalLong>> backlogs = CompletableFuture.supplyAsync(() -> backlog(probes), STATUS_PROBES);
            Map<String, CompletableFuture<Health>> probing = new LinkedHashMap<>();
            components.forEach(component -> probing.put(component.name(),
                    CompletableFuture.supplyAsync(() -> component.probe(probes), STATUS_PROBES)));
            probing.forEach((name, probe) -> health.put(name, probe.join()));
            backlog = backlogs.join();
            SparkMasterView master = probes.sparkMaster();
            Map<String, Set<Long>> byApplication = executorsByApplication(running);
            for (Component job : streamingJobComponents()) {
                executors.put(job.name(), executorsOf(job.name(), master, byApplication));
            }
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        components.forEach(c -> Optional.ofNullable(running.get(c.name())).ifPresent(pid -> pids.put(c.name(), pid)));
        running.forEach(pids::putIfAbsent);
        Map<String, Long> memory = MemoryAttribution.residentKiBNow(pids, executors);

        List<ComponentStatus> rows = new ArrayList<>();
        for (Component component : components) {
            Health h = health.get(component.name());
            Long pid = pids.get(component.name());
            rows.add(new ComponentStatus(component.name(), h.healthy(), h.evidence(),
                    pid == null ? OptionalLong.empty() : OptionalLong.of(pid), pid == null ? 0 : memory.get(component.name())));
        }
        pids.keySet().stream().filter(name -> components.stream().noneMatch(c -> c.name().equals(name)))
                .forEach(name -> rows.add(new ComponentStatus(name, true, "process running",
                        OptionalLong.of(pids.get(name)), memory.get(name))));

        List<StackStatus.Job> jobs = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            String name = StreamingJobDriver.componentName(facet);
            Long driver = pids.get(name);
            long executorKiB = executors.getOrDefault(name, Set.of()).stream()
                    .mapToLong(pid -> ProcFs.residentKiB(pid).orElse(0)).sum();
            jobs.add(new StackStatus.Job(name, driver != null, streamingJobStatus(facet), backlog.get(facet),
                    driver == null ? 0 : memory.get(name) - executorKiB, executorKiB));
        }
        return new StackStatus(rows, jobs, Map.of(), null);
    }

    private Probes probes() {
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
