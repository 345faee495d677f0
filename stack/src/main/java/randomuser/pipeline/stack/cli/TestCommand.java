package randomuser.pipeline.stack.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.testrun.TestReports;
import randomuser.pipeline.stack.testrun.TestTools;

/**
 * {@code ./pipeline test}: every test of the project, installing what the tests need. Fast suites first
 * (pytest for the DAGs, ruff's lint and format checks of the Python, the compose checks, the unit tests of
 * every module, with nothing running), then the
 * integration and end-to-end tests against the real stack, which this command starts the same way
 * {@code ./pipeline up} does. A stack that was not running before is stopped again at the end.
 */
@Command(name = "test", description = "Run every test: DAG tests, Python lint and format, compose checks, unit "
        + "tests, then integration, end-to-end and browser tests on the real local stack.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Option(names = "--unit-only", description = "Only the tests that need no running server.")
    boolean unitOnly;

    private final Progress progress = Progress.toStandardOutput();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.forProject().withProgress(progress);
        Path root = stack.projectRoot();
        boolean stackWasRunning = stack.status().stream().anyMatch(ComponentStatus::up);
        Path pytestReport = stack.stateDir().resolve("test-reports").resolve("pytest.xml");
        deleteOldReports(root, pytestReport.getParent());

        new TestTools(stack.layout(), progress).ensureInstalled();
        stack.installAll();

        Map<String, Boolean> suites = new LinkedHashMap<>();
        try {
            suites.put("DAG tests (pytest)", run(root, List.of(
                    stack.layout().airflowVenv().resolve("bin").resolve("pytest").toString(), "-q",
                    "-p", "no:cacheprovider", "--junitxml=" + pytestReport, "dags/tests")));
            // The Python's lint and format, by the rules of ruff.toml and the ruff pinned with Airflow's venv.
            String ruff = stack.layout().airflowVenv().resolve("bin").resolve("ruff").toString();
            suites.put("Python lint (ruff check)", run(root, List.of(ruff, "check", "dags")));
            suites.put("Python format (ruff format --check)", run(root, List.of(ruff, "format", "--check", "dags")));
            suites.put("compose files (docker-compose config)", run(root, List.of("bash", "deploy/check-compose.sh")));
            suites.put("unit tests (mvn verify -DskipITs)", run(root, maven("-DskipITs")));
            if (!unitOnly) {
                suites.put("integration, end-to-end and browser tests (mvn verify -DskipUnitTests)",
                        startStackThenRun(stack, root));
            }
        } finally {
            if (!unitOnly && !stackWasRunning) {
                progress.line("stopping the stack this test run started ...");
                stack.stopAll();
            }
        }

        TestReports.Counts counts = TestReports.countReportsUnder(reportFolders(root, pytestReport.getParent()));
        System.out.println();
        suites.forEach((suite, passed) -> System.out.println((passed ? "  passed  " : "  FAILED  ") + suite));
        System.out.println("took " + Duration.ofNanos(System.nanoTime() - started).toMinutes() + " min");
        System.out.println(counts.line());
        boolean allPassed = suites.values().stream().allMatch(Boolean::booleanValue) && counts.failed() == 0;
        if (!allPassed) {
            System.err.println("pipeline: some tests failed (see the suites above; logs of the servers in "
                    + root.relativize(stack.stateDir().resolve("logs")) + "/)");
        }
        return allPassed ? 0 : 1;
    }

    private boolean startStackThenRun(LocalStack stack, Path root) {
        try {
            stack.ensureAll();
        } catch (StackException e) {
            System.err.println("pipeline: cannot start the stack for the integration tests: " + e.getMessage());
            return false;
        }
        return run(root, maven("-DskipUnitTests=true"));
    }

    private static List<String> maven(String... flags) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-Dstyle.color=never", "verify"));
        command.addAll(List.of(flags));
        return command;
    }

    /** Runs one suite with its output on this console; true when it exits 0. */
    private boolean run(Path root, List<String> command) {
        progress.line("");
        progress.line("==> " + String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            throw new StackException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running " + command.get(0));
        }
    }

    /** Where this run's JUnit XML reports are written: every module's Surefire and Failsafe folders, and pytest's. */
    private static List<Path> reportFolders(Path root, Path pytestReports) {
        List<Path> folders = new ArrayList<>();
        folders.add(pytestReports);
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).forEach(module -> {
                folders.add(module.resolve("target").resolve("surefire-reports"));
                folders.add(module.resolve("target").resolve("failsafe-reports"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folders;
    }

    /** Reports of an earlier run would be counted again: start from none. */
    private static void deleteOldReports(Path root, Path pytestReports) {
        for (Path folder : reportFolders(root, pytestReports)) {
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
