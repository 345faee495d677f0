package randomuser.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.component.KafkaBrokerConfig;
import randomuser.pipeline.stack.component.SparkMaster;
import randomuser.pipeline.stack.install.InstallStep;
import randomuser.pipeline.stack.install.Installer;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LogTail;
import randomuser.pipeline.stack.process.PortCheck;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.StackLock;

/**
 * Brings components up: installs what they need, checks their ports, starts each one that is not running as soon
 * as the components it depends on are healthy, and waits until every one is healthy. Dependencies that were not
 * asked for are brought up too ({@link StartOrder}). All or nothing: on any failure it stops what this call
 * started.
 */
final class Supervisor {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final int LOG_LINES = 20;

    private final StackLayout layout;
    private final ProcessRegistry registry;
    private final Progress progress;
    private final Duration timeoutOverride;
    private final Function<String, Optional<Component>> byName;

    Supervisor(
            StackLayout layout,
            ProcessRegistry registry,
            Progress progress,
            Duration timeoutOverride,
            Function<String, Optional<Component>> byName) {
        this.layout = layout;
        this.registry = registry;
        this.progress = progress;
        this.timeoutOverride = timeoutOverride;
        this.byName = byName;
    }

    /** Idempotent: components already running are only waited for. */
    void ensure(List<Component> requested, List<InstallStep> extraSteps) {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
            List<Component> components = StartOrder.withDependencies(requested, byName);
            List<Component> toStart = components.stream()
                    .filter(c -> registry.runningPid(c.name()).isEmpty())
                    .toList();
            List<InstallStep> steps = new ArrayList<>();
            toStart.forEach(c -> steps.addAll(c.installSteps()));
            steps.addAll(extraSteps);
            new Installer(progress).install(steps);
            requireFreePorts(toStart);
            createStateFolders();
            prepare(toStart);
            Map<String, Process> started = new LinkedHashMap<>();
            try {
                startWhenReady(
                        components,
                        toStart,
                        requested.stream().map(Component::name).toList(),
                        started);
            } catch (RuntimeException e) {
                if (!started.isEmpty()) {
                    progress.line("stopping what this run started: " + String.join(", ", started.keySet()));
                    registry.stop(started.keySet(), STOP_GRACE, progress);
                }
                throw e;
            }
        }
    }

    private void requireFreePorts(List<Component> toStart) {
        List<String> busy = new ArrayList<>();
        for (Component component : toStart) {
            for (int port : component.ports()) {
                if (!PortCheck.isFree(port)) {
                    busy.add("port " + port + " (" + component.name() + ") is in use by "
                            + PortCheck.describeOwner(port).orElse("a process this user cannot see (try `ss -ltnp`)"));
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new StackException(
                    "cannot start the stack: " + String.join("; ", busy)
                            + ". Stop that process (or `./pipeline down` if it is a stack started from another folder) and run again.");
        }
    }

    /** var/logs and var/run, which preparations (Kafka's storage formatting) already write into. */
    private void createStateFolders() {
        try {
            Files.createDirectories(layout.logsDir());
            Files.createDirectories(layout.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + layout.stateDir(), e);
        }
    }

    /** Preparations (Kafka storage formatting: several seconds each) run side by side. */
    private void prepare(List<Component> toStart) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, toStart.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            toStart.forEach(component -> futures.add(pool.submit(() -> component.prepare(progress))));
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while preparing the stack");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One loop over all of them until each is healthy: a component waiting to start is started once everything it
     * depends on is healthy; a started or running one is probed. Each has its own start timeout, counted from its
     * start (from now for one already running), so the time spent waiting for its dependencies is not its own. A
     * dependency that was not asked for and is already running is checked without a line of its own.
     */
    private void startWhenReady(
            List<Component> components, List<Component> toStart, List<String> requested, Map<String, Process> started) {
        long now = System.nanoTime();
        Map<String, Long> waitingSince = new LinkedHashMap<>();
        components.stream()
                .filter(component -> !toStart.contains(component))
                .forEach(component -> waitingSince.put(component.name(), now));
        List<String> healthy = new ArrayList<>();
        long nextReport = now + REPORT_EVERY.toNanos();
        try (Probes probes = new Probes(KafkaBrokerConfig.bootstrapServers(), SparkMaster.UI_URL)) {
            while (healthy.size() < components.size()) {
                for (Component component : components) {
                    if (healthy.contains(component.name())) {
                        continue;
                    }
                    if (!waitingSince.containsKey(component.name())) {
                        if (!healthy.containsAll(component.dependsOn())) {
                            continue;
                        }
                        progress.line("starting " + component.name());
                        started.put(component.name(), registry.launch(component.launchSpec()));
                        waitingSince.put(component.name(), System.nanoTime());
                    }
                    Health health = component.probe(probes);
                    if (health.healthy()) {
                        healthy.add(component.name());
                        if (started.containsKey(component.name())) {
                            progress.line(component.name() + " is up after "
                                    + secondsSince(waitingSince.get(component.name())) + "s: " + health.evidence());
                        } else if (requested.contains(component.name())) {
                            progress.line(component.name() + " is up (already running): " + health.evidence());
                        }
                    } else {
                        requireStarting(component, health, started, waitingSince.get(component.name()));
                    }
                }
                if (healthy.size() < components.size()) {
                    if (System.nanoTime() >= nextReport) {
                        progress.line(waitingLine(components, healthy, waitingSince));
                        nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                    }
                    sleep(POLL);
                }
            }
        }
    }

    /** Fails when a component that is not healthy yet has died or is past its start timeout. */
    private void requireStarting(Component component, Health health, Map<String, Process> started, long since) {
        Process process = started.get(component.name());
        boolean alive = process != null
                ? process.isAlive()
                : registry.runningPid(component.name()).isPresent();
        if (!alive) {
            throw new StackException(component.name() + " stopped while starting (" + health.evidence() + "); "
                    + LogTail.excerpt(layout.logFile(component.name()), LOG_LINES));
        }
        Duration timeout = timeoutOverride != null ? timeoutOverride : component.startTimeout();
        if (System.nanoTime() - since > timeout.toNanos()) {
            throw new StackException(component.name() + " was not healthy within " + timeout.toSeconds() + "s ("
                    + health.evidence() + "); " + LogTail.excerpt(layout.logFile(component.name()), LOG_LINES));
        }
    }

    /** "waiting for kafka-1 (12s), spark-master (12s); spark-worker-1, spark-worker-2 wait for spark-master" */
    private static String waitingLine(
            List<Component> components, List<String> healthy, Map<String, Long> waitingSince) {
        List<String> starting = new ArrayList<>();
        Map<String, List<String>> heldByMissing = new LinkedHashMap<>();
        for (Component component : components) {
            if (healthy.contains(component.name())) {
                continue;
            }
            if (waitingSince.containsKey(component.name())) {
                starting.add(component.name() + " (" + secondsSince(waitingSince.get(component.name())) + "s)");
            } else {
                String missing = component.dependsOn().stream()
                        .filter(name -> !healthy.contains(name))
                        .collect(Collectors.joining(", "));
                heldByMissing.computeIfAbsent(missing, m -> new ArrayList<>()).add(component.name());
            }
        }
        List<String> parts = new ArrayList<>();
        if (!starting.isEmpty()) {
            parts.add("waiting for " + String.join(", ", starting));
        }
        heldByMissing.forEach((missing, held) ->
                parts.add(String.join(", ", held) + (held.size() == 1 ? " waits" : " wait") + " for " + missing));
        return String.join("; ", parts);
    }

    private static long secondsSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the stack");
        }
    }
}
