package randomuser.pipeline.stack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.testrun.TestReports;
import randomuser.pipeline.stack.testrun.TestTools;

/**
 * The CLI's share of {@code ./pipeline test}. The run itself is {@code tools/run-tests.sh}, which the
 * {@code pipeline} script hands {@code test} to: it runs the suites, Maven's among them, and calls the
 * subcommands here for what concerns the stacks. The CLI never runs Maven: Maven builds it, and a JVM whose jar
 * is rewritten under it fails on the next class it loads.
 *
 * <p>The tests get a stack of their own: fresh, with its state in {@code var/test-stack/} (named to every
 * process of the run through {@value StackLayout#STATE_DIR_VARIABLE}, its servers through the variables
 * {@link TestEnvironment} prints), so they never see nor change the user's data, offsets, checkpoints or backlog
 * in var/. Both stacks use the same ports, so a stack of the user's that is running is stopped first (its state
 * stays as it is) and started again at the end.
 */
@Command(
        name = "test",
        description = "Run every test: DAG tests, Python lint and format, Java format, compose "
                + "checks, unit tests, then integration, end-to-end and browser tests on a fresh local stack of their own "
                + "(var/test-stack/; a running stack of yours is stopped for the run and started again after it, its data "
                + "untouched). --unit-only: only the tests that need no server.",
        subcommands = {
            TestCommand.Prepare.class,
            TestCommand.TestEnvironment.class,
            TestCommand.ResumeYourStack.class,
            TestCommand.CountTests.class
        })
final class TestCommand implements Callable<Integer> {
    /** In the user's run folder while the tests have the user's stack stopped: it is started again at the end. */
    static final String STOPPED_FOR_TESTS = "stopped-for-tests";

    @Mixin
    HelpOption helpOption;

    @Override
    public Integer call() {
        System.err.println("pipeline: run the tests with ./pipeline test (the script runs them; the CLI only prepares "
                + "the stacks for them)");
        return 2;
    }

    /** The user's stack (var/, or the state folder the environment names) and the tests' own. */
    private static LocalStack userStack() {
        return LocalStack.forProject().withProgress(Progress.toStandardOutput());
    }

    private static LocalStack testStack() {
        return LocalStack.of(StackLayout.forProject().forTests()).withProgress(Progress.toStandardOutput());
    }

    private static Path stoppedForTests(LocalStack userStack) {
        return userStack.layout().runDir().resolve(STOPPED_FOR_TESTS);
    }

    /**
     * Before the suites: sets a running stack of the user's aside, deletes the last test stack's state and the
     * last run's reports, installs what the tests and the stack need.
     */
    @Command(name = "prepare", hidden = true)
    static final class Prepare implements Callable<Integer> {
        @Option(names = "--unit-only", description = "Only the tests that need no server: no stack is touched.")
        boolean unitOnly;

        @Override
        public Integer call() {
            LocalStack userStack = userStack();
            LocalStack testStack = testStack();
            // (A run with the test stack's own state folder has no stack of the user's to set aside.)
            if (!unitOnly
                    && !userStack.layout().isForTests()
                    && userStack.inspection().status().stream().anyMatch(ComponentStatus::up)) {
                System.out.println("stopping your stack for the tests (its state in "
                        + userStack.projectRoot().relativize(userStack.stateDir()) + "/ stays as it is; it starts "
                        + "again at the end) ...");
                userStack.stopAll();
                writeMarker(stoppedForTests(userStack));
            }
            if (!unitOnly) {
                // A fresh stack each run: nothing left from an earlier (or interrupted) one.
                testStack.clean();
            }
            deleteOldReports(testStack);
            new TestTools(testStack.layout(), Progress.toStandardOutput()).ensureInstalled();
            testStack.installAll();
            return 0;
        }
    }

    /**
     * The test stack's environment, one {@code NAME=value} a line: its state folder and its servers, which the
     * suites run with (the integration tests find their servers there).
     */
    @Command(name = "environment", hidden = true)
    static final class TestEnvironment implements Callable<Integer> {
        @Override
        public Integer call() {
            Map<String, String> environment = new LinkedHashMap<>();
            testStack().nameIn(environment);
            environment.forEach((name, value) -> System.out.println(name + "=" + value));
            return 0;
        }
    }

    /** After the suites: starts the user's stack again if the tests stopped it (also after an interrupted run). */
    @Command(name = "resume-your-stack", hidden = true)
    static final class ResumeYourStack implements Callable<Integer> {
        @Override
        public Integer call() {
            LocalStack userStack = userStack();
            Path marker = stoppedForTests(userStack);
            if (!Files.exists(marker)) {
                return 0;
            }
            System.out.println("starting your stack again ...");
            try {
                userStack.ensureAll();
            } catch (StackException e) {
                throw new StackException("the tests stopped your stack and cannot start it again: " + e.getMessage()
                        + "; start it with ./pipeline up --no-trigger");
            }
            try {
                Files.delete(marker);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
    }

    /** The one line that counts every test of the run from the JUnit XML reports; exit 1 when one failed. */
    @Command(name = "count", hidden = true)
    static final class CountTests implements Callable<Integer> {
        @Override
        public Integer call() {
            TestReports.Counts counts = TestReports.countReportsUnder(reportFolders(testStack()));
            System.out.println(counts.line());
            return counts.failed() == 0 ? 0 : 1;
        }
    }

    /** Where a run's JUnit XML reports are written: every module's Surefire and Failsafe folders, and pytest's. */
    static List<Path> reportFolders(LocalStack testStack) {
        List<Path> folders = new ArrayList<>();
        folders.add(testStack.layout().testReportsDir());
        try (Stream<Path> modules = Files.list(testStack.projectRoot())) {
            modules.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .sorted()
                    .forEach(module -> {
                        folders.add(module.resolve("target").resolve("surefire-reports"));
                        folders.add(module.resolve("target").resolve("failsafe-reports"));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folders;
    }

    /** Reports of an earlier run would be counted again: start from none. */
    private static void deleteOldReports(LocalStack testStack) {
        for (Path folder : reportFolders(testStack)) {
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void writeMarker(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(
                    marker, "the stack was running when ./pipeline test began; it starts it again at the end\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
