package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.probe.JobRestarts;
import randomuser.pipeline.stack.process.LaunchSpec;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.testrun.PipelineScript;
import randomuser.pipeline.stack.testrun.PipelineScript.Run;

/**
 * {@code ./pipeline down} and {@code ./pipeline clean} run as a user runs them, on a project of their own: a
 * scratch folder with the {@code pipeline} script and the CLI jar of this build, whose var/ holds processes
 * started the way the stack starts its components (pid file, setsid, the root's markers) under the stack's
 * component names. So they act on real processes by pid, and never on a user's stack or data.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PipelineDownCleanIT {
    private static final Path PROJECT_ROOT = StackLayout.forProject().root();

    @TempDir
    Path scratch;

    private StackLayout layout;
    private ProcessRegistry registry;

    @BeforeEach
    void scratchProject() throws Exception {
        // What makes a folder the project root for the CLI: the script and the parent pom.
        Files.copy(PROJECT_ROOT.resolve("pipeline"), scratch.resolve("pipeline"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(PROJECT_ROOT.resolve("pom.xml"), scratch.resolve("pom.xml"));
        Path jar = scratch.resolve("stack/target/pipeline.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(PROJECT_ROOT.resolve("stack/target/pipeline.jar"), jar);
        // The script's mark of its last build, newer than the pom: it runs the jar as it is, builds nothing.
        Path buildStamp = scratch.resolve(".local/build.stamp");
        Files.createDirectories(buildStamp.getParent());
        Files.writeString(buildStamp, "");
        layout = StackLayout.at(scratch);
        registry = new ProcessRegistry(layout);
        Path restartScript = layout.installedScript("restart-on-failure.sh");
        Files.createDirectories(restartScript.getParent());
        try (InputStream in =
                PipelineDownCleanIT.class.getResourceAsStream("/randomuser/pipeline/stack/restart-on-failure.sh")) {
            Files.copy(in, restartScript);
        }
    }

    private Run pipeline(String... args) throws Exception {
        return PipelineScript.run(layout, args);
    }

    /** A process under a component's name, started the way the stack starts one. Answers its pid. */
    private long launch(String component, List<String> command) {
        return registry.launch(new LaunchSpec(component, command, Map.of(), scratch))
                .pid();
    }

    private static List<String> sleep() {
        return List.of("sleep", "300");
    }

    @Test
    void downStopsTheJobsAndAirflowFirstThenTheServersAndKeepsTheData() throws Exception {
        String job = StreamingJobDriver.componentName(Facet.PROFILE);
        long airflow = launch("airflow", sleep());
        long restartScript = launch(job, new StreamingJobDriver(layout, Facet.PROFILE).keptRunning(sleep()));
        long broker = launch("kafka-1", sleep());
        long jobChild = awaitChild(restartScript);
        Path data = layout.mongoDataFile();
        Files.createDirectories(data.getParent());
        Files.writeString(data, "documents");

        Run down = pipeline("down");

        assertEquals(0, down.exitCode(), down.describe());
        assertEquals(
                List.of("stopping airflow, " + job, "stopping kafka-1", "stopped airflow, " + job + ", kafka-1"),
                down.out().lines().toList(),
                down.describe());
        assertEquals(List.of(), down.errLines(), down.describe());
        for (long pid : List.of(airflow, restartScript, jobChild, broker)) {
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
        assertEquals(Map.of(), registry.allRunning());
        assertEquals(
                "stopped",
                JobRestarts.read(layout.restartRecord(job)).orElseThrow().state(),
                "the job's driver was stopped, not restarted");
        assertEquals("documents", Files.readString(data), "down keeps the data");

        Run again = pipeline("down");
        assertEquals(0, again.exitCode(), again.describe());
        assertEquals("nothing was running\n", again.out(), again.describe());
    }

    @Test
    void cleanStopsEverythingThenDeletesTheStateFolderAndKeepsWhatIsInstalled() throws Exception {
        long server = launch("mongodb", sleep());
        Path data = layout.mongoDataFile();
        Files.createDirectories(data.getParent());
        Files.writeString(data, "documents");

        Run clean = pipeline("clean");

        assertEquals(0, clean.exitCode(), clean.describe());
        assertEquals(
                List.of("stopping mongodb", "deleted " + scratch.resolve("var")),
                clean.out().lines().toList(),
                clean.describe());
        assertFalse(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), "mongodb still runs");
        assertFalse(Files.exists(layout.stateDir()), "var/ is still there");
        assertTrue(Files.exists(layout.installedScript("restart-on-failure.sh")), ".local/ stays");

        Run again = pipeline("clean");
        assertEquals(0, again.exitCode(), again.describe());
        assertEquals(
                List.of("deleted " + scratch.resolve("var")),
                again.out().lines().toList(),
                again.describe());
    }

    /**
     * A stack an interrupted {@code ./pipeline test} left running holds the same ports as the user's: down stops it
     * too and says so; the user's stack, marked with the other state folder, is a different set of processes.
     */
    @Test
    void downAlsoStopsATestStackLeftRunningAndTellsThemApart() throws Exception {
        StackLayout testLayout = layout.forTests();
        ProcessRegistry testRegistry = new ProcessRegistry(testLayout);
        long usersBroker = launch("kafka-1", sleep());
        long testBroker = testRegistry
                .launch(new LaunchSpec("kafka-1", sleep(), Map.of(), scratch))
                .pid();
        assertEquals(Map.of("kafka-1", usersBroker), registry.allRunning(), "each stack sees its own kafka-1");
        assertEquals(Map.of("kafka-1", testBroker), testRegistry.allRunning(), "each stack sees its own kafka-1");

        Run down = pipeline("down");

        assertEquals(0, down.exitCode(), down.describe());
        assertEquals(
                List.of(
                        "stopping kafka-1",
                        "stopping kafka-1",
                        "stopped kafka-1",
                        "stopped the test stack's kafka-1 (left by an interrupted ./pipeline test)"),
                down.out().lines().toList(),
                down.describe());
        for (long pid : List.of(usersBroker, testBroker)) {
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
        }
    }

    /** The restart script's child (its driver), once it runs. */
    private static long awaitChild(long parent) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<Long> children = new ArrayList<>(ProcessHandle.of(parent).stream()
                    .flatMap(ProcessHandle::children)
                    .map(ProcessHandle::pid)
                    .toList());
            if (!children.isEmpty()) {
                return children.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the restart script " + parent + " started no child");
    }
}
