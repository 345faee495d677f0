package randomuser.pipeline.stack.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.testrun.TestReports;
import randomuser.pipeline.stack.testrun.TestTools;

/**
 * {@code ./pipeline test}: every test of the project, installing what the tests need. Fast suites first
 * (pytest for the DAGs, ruff's lint and format checks of the Python, spotless's of the Java, the compose checks,
 * the unit tests of every module), then the integration and end-to-end tests against the real stack.
 *
 * <p>The tests get a stack of their own: fresh, with its state in {@code var/test-stack/} (named to every
 * process below through {@value StackLayout#STATE_DIR_VARIABLE}), so they never see nor change the user's
 * data, offsets, checkpoints or backlog in var/. Both stacks use the same ports, so a stack of the user's that
 * is running is stopped first (its state stays as it is) and started again at the end.
 */
@Command(name = "test", description = "Run every test: DAG tests, Python lint and format, compose checks, unit "
        + "tests, then integration, end-to-end and browser tests on a fresh local stack of their own (var/test-stack/; "
        + "a running stack of yours is stopped for the run and started again after it, its data untouched).")
final class TestCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Option(names = "--unit-only", description = "Only the tests that need no running server.")
    boolean unitOnly;

    private final Progress progress = Progress.toStandardOutput();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        LocalStack userStack = LocalStack.forProject().withProgress(progress);
        LocalStack testStack = LocalStack.of(userStack.layout().forTests()).withProgress(progress);
        Path root = testStack.projectRoot();
        Path pytestReport = testStack.stateDir().resolve("test-reports").resolve("pytest.xml");
        Phases phases = new Phases();
        // (A CLI run with the test stack's own state folder has no stack of the user's to set aside.)
        boolean userStackWasRunning = !unitOnly && !userStack.layout().isForTests()
                && userStack.status().stream().anyMatch(ComponentStatus::up);
        if (userStackWasRunning) {
            // Before the build: Maven rewrites the jars the running jobs load their classes from.
            progress.line("stopping your stack for the tests (its state in "
                    + root.relativize(userStack.stateDir()) + "/ stays as it is; it starts again at the end) ...");
            phases.step("stop your stack", userStack::stopAll);
        }
        if (!unitOnly) {
            // A fresh stack each run: nothing left from an earlier (or interrupted) one.
            phases.step("delete the last test stack's state", testStack::clean);
        }
        deleteOldReports(root, pytestReport.getParent());
        phases.step("install what the tests need", () -> {
            new TestTools(testStack.layout(), progress).ensureInstalled();
            testStack.installAll();
        });

        try {
            phases.suite("DAG tests (pytest)", () -> run(testStack, List.of(
                    testStack.layout().airflowVenv().resolve("bin").resolve("pytest").toString(), "-q",
                    "-p", "no:cacheprovider", "--junitxml=" + pytestReport, "dags/tests")));
            // The Python's lint and format, by the rules of ruff.toml and the ruff pinned with Airflow's venv.
            String ruff = testStack.layout().airflowVenv().resolve("bin").resolve("ruff").toString();
            phases.suite("Python lint (ruff check)", () -> run(testStack, List.of(ruff, "check", "dags")));
            phases.suite("Python format (ruff format --check)",
                    () -> run(testStack, List.of(ruff, "format", "--check", "dags")));
            // The Java's format, by the rules of the spotless plugin in the parent pom (mvn spotless:apply fixes).
            phases.suite("Java format (mvn spotless:check)", () -> run(testStack, maven("spotless:check")));
            phases.suite("compose files (docker-compose config)",
                    () -> run(testStack, List.of("bash", "deploy/check-compose.sh")));
            phases.suite("unit tests (mvn verify -DskipITs)", () -> run(testStack, maven("verify", "-DskipITs")));
            if (!unitOnly && phases.suite("start the test stack", () -> startTestStack(testStack))) {
                phases.suite("integration, end-to-end and browser tests (mvn verify -DskipUnitTests)",
                        () -> run(testStack, maven("verify", "-DskipUnitTests=true")));
            }
        } finally {
            if (!unitOnly) {
                progress.line("stopping the test stack ...");
                phases.step("stop the test stack", testStack::stopAll);
            }
            if (userStackWasRunning) {
                phases.suite("start your stack again", () -> startAgain(userStack));
            }
        }

        TestReports.Counts counts = TestReports.countReportsUnder(reportFolders(root, pytestReport.getParent()));
        System.out.println();
        phases.lines().forEach(System.out::println);
        System.out.println("took " + Phases.minutesAndSeconds(Duration.ofNanos(System.nanoTime() - started)));
        System.out.println(counts.line());
        boolean allPassed = phases.allPassed() && counts.failed() == 0;
        if (!allPassed) {
            System.err.println("pipeline: some tests failed (see the suites above; logs of the servers in "
                    + root.relativize(testStack.layout().logsDir()) + "/)");
        }
        return allPassed ? 0 : 1;
    }

    private boolean startTestStack(LocalStack testStack) {
        try {
            testStack.ensureAll();
            return true;
        } catch (StackException e) {
            System.err.println("pipeline: cannot start the stack for the integration tests: " + e.getMessage());
            return false;
        }
    }

    /** The user's stack, as {@code ./pipeline up --no-trigger} starts it, on the state it had. */
    private boolean startAgain(LocalStack userStack) {
        progress.line("starting your stack again ...");
        try {
            userStack.ensureAll();
            return true;
        } catch (StackException e) {
            System.err.println("pipeline: the tests stopped your stack and cannot start it again: " + e.getMessage()
                    + "; start it with ./pipeline up --no-trigger");
            return false;
        }
    }

    private static List<String> maven(String... goalsAndFlags) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-Dstyle.color=never"));
        command.addAll(List.of(goalsAndFlags));
        return command;
    }

    /**
     * Runs one suite with its output on this console, on the test stack: every process below it (Maven, the
     * test JVMs, the CLI commands they run) reads its state folder and its servers' addresses from the
     * environment. True when it exits 0.
     */
    private boolean run(LocalStack testStack, List<String> command) {
        progress.line("");
        progress.line("==> " + String.join(" ", command));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(testStack.projectRoot().toFile())
                    .inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            testStack.nameIn(builder.environment());
            return builder.start().waitFor() == 0;
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
