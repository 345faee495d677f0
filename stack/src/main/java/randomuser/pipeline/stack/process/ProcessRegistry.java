package randomuser.pipeline.stack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackLayout;

/**
 * The processes the stack started, one pid file each in {@code var/run/<component>.pid}.
 *
 * <p>A pid file alone is not trusted (pids are reused): every process is started with two environment
 * variables, {@link #COMPONENT_VARIABLE} and {@link StackLayout#STATE_DIR_VARIABLE} (the stack's state folder:
 * the user's stack and the test stack share the project root and the component names), and a pid counts as
 * ours only while /proc shows both. Processes run in a session of their own ({@code setsid}), so closing the
 * terminal or ending the JVM that started them does not stop them: only {@code down} does.
 */
public final class ProcessRegistry {
    public static final String COMPONENT_VARIABLE = "PIPELINE_COMPONENT";
    /** How often an empty /proc environment is read again (10 ms apart) before a process counts as not ours. */
    private static final int ENVIRONMENT_LOOKS = 20;

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final StackLayout layout;

    public ProcessRegistry(StackLayout layout) {
        this.layout = layout;
    }

    /** The pid of the component's process if it is running; a stale pid file is removed. */
    public Optional<Long> runningPid(String component) {
        Path pidFile = layout.pidFile(component);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        if (isOurs(component, pid.get())) {
            return pid;
        }
        deleteQuietly(pidFile);
        return Optional.empty();
    }

    /** Every running process that has a pid file, in name order: the stack's components and anything else
     *  started through this registry (e.g. streaming jobs). */
    public Map<String, Long> allRunning() {
        Map<String, Long> running = new LinkedHashMap<>();
        if (!Files.isDirectory(layout.runDir())) {
            return running;
        }
        try (Stream<Path> files = Files.list(layout.runDir())) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length()))
                    .sorted()
                    .forEach(component -> runningPid(component).ifPresent(pid -> running.put(component, pid)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running;
    }

    /** Starts the process detached, output appended to its log file, and records its pid. */
    public Process launch(LaunchSpec spec) {
        Path log = layout.logFile(spec.component());
        try {
            Files.createDirectories(layout.logsDir());
            Files.createDirectories(layout.runDir());
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.addAll(spec.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            spec.unsetEnvironment().forEach(builder.environment()::remove);
            builder.environment().putAll(spec.environment());
            builder.environment().put(COMPONENT_VARIABLE, spec.component());
            layout.nameStateDirIn(builder.environment());
            Files.writeString(
                    log,
                    LogTail.RUN_MARKER + Instant.now() + " starting " + spec.component() + ": "
                            + String.join(" ", spec.command()) + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            // setsid execs in place (the child is not a group leader), so this pid is the server's own.
            Process process = builder.start();
            Files.writeString(layout.pidFile(spec.component()), Long.toString(process.pid()));
            awaitExec(process, spec.component());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.component() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Until the forked child has exec'd, /proc shows the parent's environment without the markers, and the
     * process would not count as ours: wait for the exec (milliseconds) so that callers see it running.
     */
    private static void awaitExec(Process process, String component) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (process.isAlive()
                && System.nanoTime() < deadline
                && !component.equals(ProcFs.environment(process.pid()).get(COMPONENT_VARIABLE))) {
            sleep(Duration.ofMillis(5));
        }
    }

    /**
     * Sends SIGTERM to all the given components at once (Kafka brokers stopped one by one hang: the last
     * loses its controller quorum), waits up to {@code grace}, then SIGKILLs what is left.
     *
     * <p>Each process is stopped with its whole process tree, listed before any signal is sent: a parent
     * that ends first would orphan its children, which then no longer show up as its descendants. That is
     * how Airflow's launch script behaves: SIGTERM ends it at once and would leave its scheduler, API
     * server and DAG processor running. So the process and its children get SIGTERM first (each
     * child then stops its own children, as the scheduler stops its executor's workers); what is still alive
     * after half the grace gets SIGTERM too, and what is alive at its end, SIGKILL.
     */
    public void stop(Collection<String> components, Duration grace, Progress progress) {
        Map<String, ProcessHandle> targets = new LinkedHashMap<>();
        for (String component : components) {
            runningPid(component).flatMap(ProcessHandle::of).ifPresent(handle -> targets.put(component, handle));
        }
        Map<String, List<ProcessHandle>> trees = new LinkedHashMap<>();
        Map<String, List<ProcessHandle>> firstSignalled = new LinkedHashMap<>();
        targets.forEach((component, handle) -> {
            trees.put(component, tree(handle));
            List<ProcessHandle> first = new ArrayList<>();
            first.add(handle);
            handle.children().forEach(first::add);
            firstSignalled.put(component, first);
        });
        firstSignalled.values().forEach(processes -> processes.forEach(ProcessHandle::destroy));
        long started = System.nanoTime();
        awaitExit(trees, started + grace.toNanos() / 2);
        trees.values().forEach(tree -> alive(tree).forEach(ProcessHandle::destroy));
        awaitExit(trees, started + grace.toNanos());
        trees.forEach((component, tree) -> {
            List<ProcessHandle> left = alive(tree);
            if (!left.isEmpty()) {
                progress.line(component + (targets.get(component).isAlive() ? "" : "'s child processes")
                        + " did not stop within " + grace.toSeconds() + "s: killed (SIGKILL)");
                left.forEach(ProcessHandle::destroyForcibly);
                left.forEach(handle -> waitForExit(handle, Duration.ofSeconds(10)));
            }
            deleteQuietly(layout.pidFile(component));
        });
    }

    private static void awaitExit(Map<String, List<ProcessHandle>> trees, long deadlineNanos) {
        while (trees.values().stream().anyMatch(tree -> !alive(tree).isEmpty()) && System.nanoTime() < deadlineNanos) {
            sleep(Duration.ofMillis(200));
        }
    }

    /** The tree's processes still alive, and any children they started since it was listed. */
    private static List<ProcessHandle> alive(List<ProcessHandle> tree) {
        List<ProcessHandle> alive =
                new ArrayList<>(tree.stream().filter(ProcessHandle::isAlive).toList());
        alive.stream().flatMap(ProcessHandle::descendants).toList().forEach(child -> {
            if (!alive.contains(child)) {
                alive.add(child);
            }
        });
        return alive;
    }

    /** The process and every descendant alive now, parents first. */
    static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * SIGKILL to the process and its children, as a crash of the component would: no clean shutdown. The
     * children go too: a stack job's driver, child of its restart script, would otherwise go on unwatched.
     */
    public boolean kill(String component) {
        Optional<ProcessHandle> handle = runningPid(component).flatMap(ProcessHandle::of);
        handle.ifPresent(h -> {
            List<ProcessHandle> tree = tree(h);
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(process -> waitForExit(process, Duration.ofSeconds(10)));
        });
        deleteQuietly(layout.pidFile(component));
        return handle.isPresent();
    }

    /** SIGKILL to one process of the stack that has no pid file (a job's driver or executor), as a crash would. */
    public static void killProcess(long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroyForcibly();
            waitForExit(handle, Duration.ofSeconds(10));
        });
    }

    private boolean isOurs(String component, long pid) {
        // While a process execs (setsid becoming the server it starts), /proc shows no environment for an
        // instant: an empty one is looked at again before the process counts as someone else's.
        for (int look = 0; look < ENVIRONMENT_LOOKS; look++) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return false;
            }
            Map<String, String> env = ProcFs.environment(pid);
            if (!env.isEmpty()) {
                return component.equals(env.get(COMPONENT_VARIABLE))
                        && layout.stateDir().toString().equals(env.get(StackLayout.STATE_DIR_VARIABLE));
            }
            sleep(Duration.ofMillis(10));
        }
        return false;
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void waitForExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a pid file that cannot be deleted is re-checked (and ignored) on the next run
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
