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
        assertEquals("sleeper", ProcFs.environment(process.pid()).get(ProcessRegistry.COMPONENT_VARIABLE));
        assertTrue(Files.readString(layout.logFile("sleeper")).contains("starting sleeper: sleep 60"));

        List<String> said = new ArrayList<>();
        registry.stop(List.of("sleeper"), Duration.ofSeconds(10), said::add);
        assertFalse(process.isAlive());
        assertEquals(List.of(), said);
        assertFalse(Files.exists(layout.pidFile("sleeper")));
        assertEquals(Optional.empty(), registry.runningPid("sleeper"));
    }

    @Test
    void aPidFileOfAProcessThatIsNotOursIsStale(@TempDir Path root) throws Exception {
        StackLayout layout = StackLayout.at(root);
        Files.createDirectories(layout.runDir());
        // This test JVM is alive but was not started by the stack: a reused pid must not count.
        Files.writeString(layout.pidFile("kafka-1"), Long.toString(ProcessHandle.current().pid()));

        assertEquals(Optional.empty(), new ProcessRegistry(layout).runningPid("kafka-1"));
        assertFalse(Files.exists(layout.pidFile("kafka-1")));
    }

    @Test
    void killEndsTheProcessAtOnce(@TempDir Path root) {
        ProcessRegistry registry = new ProcessRegistry(StackLayout.at(root));
        Process process = registry.launch(new LaunchSpec("victim", List.of("sleep", "60"), Map.of(), root));
        assertTrue(registry.kill("victim"));
        assertFalse(process.isAlive());
        assertFalse(registry.kill("victim"));
    }
}
