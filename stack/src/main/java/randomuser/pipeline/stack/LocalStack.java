package randomuser.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.Emulator;
import randomuser.pipeline.stack.component.InstallSteps;
import randomuser.pipeline.stack.component.KafkaBroker;
import randomuser.pipeline.stack.component.KafkaBrokerConfig;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.component.SparkJvm;
import randomuser.pipeline.stack.component.SparkMaster;
import randomuser.pipeline.stack.component.SparkWorker;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.ProcFs;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.StackLock;

/**
 * The local stack as a Java API: the same code {@code ./pipeline up|down|status} runs, for integration tests
 * and tools. Every {@code ensure*} installs what is missing, starts only what is not running and waits
 * until it is healthy, so it is idempotent and may be called by several test classes, threads or JVMs.
 * The servers keep running after the JVM that started them ends; {@link #stopAll()} stops them.
 */
public final class LocalStack {
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

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
        return new LocalStack(StackLayout.at(projectRoot), Progress.toStandardOutput(), null);
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

    /** Every component, in start order. */
    public List<Component> allComponents() {
        List<Component> all = new ArrayList<>(kafkaComponents());
        all.addAll(mongoComponents());
        all.addAll(emulatorComponents());
        all.addAll(sparkComponents());
        return all;
    }

    // ---- bring up

    public void ensureKafka() {
        ensure(kafkaComponents(), List.of());
    }

    public void ensureMongo() {
        ensure(mongoComponents(), List.of());
    }

    public void ensureSpark() {
        ensure(sparkComponents(), List.of());
    }

    public void ensureEmulator() {
        ensure(emulatorComponents(), List.of());
    }

    /** Every component, plus the tools that come with the stack (mongosh). */
    public void ensureAll() {
        ensure(allComponents(), List.of(InstallSteps.mongoShell(layout)));
    }

    /** Starts (and waits for) the given components; the extension point for components added later. */
    public void ensure(List<Component> components, List<InstallStep> extraSteps) {
        new Supervisor(layout, registry, progress, timeoutOverride).ensure(components, extraSteps);
    }

    // ---- failures on purpose, for resilience tests

    /** Kills one broker with SIGKILL, as a crash would. */
    public void killBroker(int nodeId) {
        requireNodeId(nodeId);
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            if (!registry.kill(KafkaBroker.componentName(nodeId))) {
                throw new StackException(KafkaBroker.componentName(nodeId) + " is not running");
            }
        }
    }

    /** Starts one broker again (after {@link #killBroker}) and waits until the cluster lists it. */
    public void startBroker(int nodeId) {
        requireNodeId(nodeId);
        ensure(List.of(new KafkaBroker(layout, nodeId)), List.of());
    }

    private static void requireNodeId(int nodeId) {
        if (!KafkaBrokerConfig.NODE_IDS.contains(nodeId)) {
            throw new IllegalArgumentException("broker node ids are " + KafkaBrokerConfig.NODE_IDS + ", not " + nodeId);
        }
    }

    // ---- stop and look

    /**
     * Stops every process started through the stack (components, and anything else with a pid file in
     * var/run), all signalled at once, and keeps the data.
     *
     * @return the names of the processes that were running
     */
    public List<String> stopAll() {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            List<String> running = new ArrayList<>(registry.allRunning().keySet());
            if (!running.isEmpty()) {
                progress.line("stopping " + String.join(", ", running));
                registry.stop(running, STOP_GRACE, progress);
            }
            return running;
        }
    }

    /** Stops everything, then deletes the state folder (data, logs, pid files). */
    public void clean() {
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
        List<ComponentStatus> rows = new ArrayList<>();
        Map<String, Long> others = new TreeMap<>(registry.allRunning());
        try (Probes probes = new Probes(bootstrapServers(), SparkMaster.UI_URL)) {
            for (Component component : allComponents()) {
                others.remove(component.name());
                Health health = component.probe(probes);
                OptionalLong pid = registry.runningPid(component.name()).map(OptionalLong::of).orElse(OptionalLong.empty());
                rows.add(new ComponentStatus(component.name(), health.healthy(), health.evidence(), pid,
                        pid.isPresent() ? ProcFs.residentKiBWithDescendants(pid.getAsLong()) : 0));
            }
        }
        others.forEach((name, pid) -> rows.add(new ComponentStatus(name, true, "process running",
                OptionalLong.of(pid), ProcFs.residentKiBWithDescendants(pid))));
        return rows;
    }

    // ---- addresses

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

    public StackLayout layout() {
        return layout;
    }
}
