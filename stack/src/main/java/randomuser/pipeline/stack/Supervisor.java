package randomuser.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Brings components up: installs what they need, checks their ports, starts those not running and waits
 * until each is healthy. All or nothing: on any failure it stops what this call started.
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

    Supervisor(StackLayout layout, ProcessRegistry registry, Progress progress, Duration timeoutOverride) {
        this.layout = layout;
        this.registry = registry;
        this.progress = progress;
        this.timeoutOverride = timeoutOverride;
    }

    /** Idempotent: components already running are only waited for. */
    void ensure(List<Component> components, List<InstallStep> extraSteps) {
        try (StackLock.Held lock = StackLock.acquire(layout.runDir())) {
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
                for (Component component : toStart) {
                    progress.line("starting " + component.name());
                    started.put(component.name(), registry.launch(component.launchSpec()));
                }
                waitUntilHealthy(components, started);
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

    private void waitUntilHealthy(List<Component> components, Map<String, Process> started) {
        long waitStart = System.nanoTime();
        try (Probes probes = new Probes(KafkaBrokerConfig.bootstrapServers(), SparkMaster.UI_URL)) {
            for (Component component : components) {
                Duration timeout = timeoutOverride != null ? timeoutOverride : component.startTimeout();
                long deadline = waitStart + timeout.toNanos();
                long nextReport = System.nanoTime();
                Health health = component.probe(probes);
                while (!health.healthy()) {
                    Process process = started.get(component.name());
                    boolean alive = process != null
                            ? process.isAlive()
                            : registry.runningPid(component.name()).isPresent();
                    if (!alive) {
                        throw new StackException(component.name() + " stopped while starting (" + health.evidence()
                                + "); " + LogTail.excerpt(layout.logFile(component.name()), LOG_LINES));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new StackException(component.name() + " was not healthy within " + timeout.toSeconds()
                                + "s (" + health.evidence() + "); "
                                + LogTail.excerpt(layout.logFile(component.name()), LOG_LINES));
                    }
                    if (System.nanoTime() >= nextReport) {
                        progress.line("waiting for " + component.name() + " ... " + secondsSince(waitStart) + "s");
                        nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                    }
                    sleep(POLL);
                    health = component.probe(probes);
                }
                progress.line(component.name() + " is up"
                        + (started.containsKey(component.name())
                                ? " after " + secondsSince(waitStart) + "s"
                                : " (already running)")
                        + ": " + health.evidence());
            }
        }
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
