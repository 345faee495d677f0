package randomuser.pipeline.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.stack.StackLayout;

@Timeout(30)
class ProcessRegistryTest {
    @Test
    void launchedProcessIsRunningUntilStopped(@TempDir Path root) throws Exception {
        StackLayout layout = StackLayout.at(root);
        ProcessRegistry registry = new ProcessRegistry(layout);
        Process process = registry.launch(new LaunchSpec("sleeper", List.of("sleep", "60"), Map.of("X", "1"), root));

        assertEquals(Optional.of(process.pid()), registry.runningPid("sleeper"));
        assertEquals(Map.of("sleeper", process.pid()), registry.allRunning());
        assertEquals("sleeper", environmentAfterExec(process.pid()).get(ProcessRegistry.COMPONENT_VARIABLE));
        assertTrue(Files.readString(layout.logFile("sleeper")).contains("starting sleeper: sleep 60"));

        List<String> said = new ArrayList<>();
        registry.stop(List.of("sleeper"), Duration.ofSeconds(10), said::add);
        assertTrue(endedForThisJvm(process));
        assertEquals(List.of(), said);
        assertFalse(Files.exists(layout.pidFile("sleeper")));
        assertEquals(Optional.empty(), registry.runningPid("sleeper"));
    }

    /**
     * Like Airflow's launch script: the parent dies of SIGTERM at once and would leave its child running.
     * The child was listed before the signal, so it is stopped too.
     */
    @Test
    void stopEndsTheChildrenOfAParentThatDiesFirst(@TempDir Path root) throws Exception {
        StackLayout layout = StackLayout.at(root);
        ProcessRegistry registry = new ProcessRegistry(layout);
        Process parent =
                registry.launch(new LaunchSpec("parent", List.of("sh", "-c", "sleep 300 & wait"), Map.of(), root));
        ProcessHandle child = awaitChild(parent);

        registry.stop(List.of("parent"), Duration.ofSeconds(10), line -> {});

        assertFalse(parent.isAlive());
        child.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(child.isAlive());
    }

    @Test
    void unsetVariablesAreRemovedFromTheInheritedEnvironment(@TempDir Path root) throws InterruptedException {
        ProcessRegistry registry = new ProcessRegistry(StackLayout.at(root));
        String inherited = System.getenv().keySet().stream()
                .filter(name -> !name.equals("PATH"))
                .findFirst()
                .orElseThrow();
        Process process = registry.launch(
                new LaunchSpec("env", List.of("sleep", "60"), Map.of("ADDED", "yes"), List.of(inherited), root));
        try {
            awaitExec(process, "sleep");
            Map<String, String> env = ProcFs.environment(process.pid());
            assertEquals("yes", env.get("ADDED"));
            assertFalse(env.containsKey(inherited), inherited);
        } finally {
            registry.kill("env");
        }
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<ProcessHandle> child = parent.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shell started no child");
    }

    @Test
    void aPidFileOfAProcessThatIsNotOursIsStale(@TempDir Path root) throws Exception {
        StackLayout layout = StackLayout.at(root);
        Files.createDirectories(layout.runDir());
        // This test JVM is alive but was not started by the stack: a reused pid must not count.
        Files.writeString(
                layout.pidFile("kafka-1"), Long.toString(ProcessHandle.current().pid()));

        assertEquals(Optional.empty(), new ProcessRegistry(layout).runningPid("kafka-1"));
        assertFalse(Files.exists(layout.pidFile("kafka-1")));
    }

    @Test
    void killEndsTheProcessAtOnce(@TempDir Path root) throws Exception {
        ProcessRegistry registry = new ProcessRegistry(StackLayout.at(root));
        Process process = registry.launch(new LaunchSpec("victim", List.of("sleep", "60"), Map.of(), root));
        assertTrue(registry.kill("victim"));
        assertTrue(endedForThisJvm(process));
        assertFalse(registry.kill("victim"));
    }

    /**
     * Whether the process has ended, as its {@link Process} object tells: the registry waits on a
     * {@link ProcessHandle} of the same pid, and the JDK marks the {@code Process} exited in a separate step of
     * the same reaper a moment later, so {@code isAlive()} right after can still say true on a loaded machine.
     */
    private static boolean endedForThisJvm(Process process) throws InterruptedException {
        return process.waitFor(1, TimeUnit.SECONDS);
    }

    /**
     * The process's environment once it has one: right after the launch the child may still be between fork and
     * exec, when /proc shows an empty environment (on a loaded machine for tens of milliseconds).
     */
    private static Map<String, String> environmentAfterExec(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Map<String, String> environment = ProcFs.environment(pid);
        while (environment.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            environment = ProcFs.environment(pid);
        }
        return environment;
    }

    /**
     * Until the launched process runs the program: just after the fork, /proc still shows the JVM's own
     * command line and environment, which made this test fail now and then on a busy machine.
     */
    private static void awaitExec(Process process, String program) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ProcFs.arguments(process.pid()).stream().findFirst().orElse("").endsWith(program)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(program + " was not started within 10 s: " + ProcFs.arguments(process.pid()));
            }
            Thread.sleep(10);
        }
    }
}
