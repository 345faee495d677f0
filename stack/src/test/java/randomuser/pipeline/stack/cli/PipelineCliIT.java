package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.airflow.PipelineDags;

/**
 * {@code ./pipeline} run as a user runs it (the script at the project root, in a process of its own) against the
 * running stack: what it prints and the exit codes it documents.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PipelineCliIT {
    private static LocalStack stack;

    @BeforeAll
    static void stackUp() {
        stack = LocalStack.forProject();
        stack.ensureAll();
    }

    /** One run of the script: its exit code, standard output and standard error. */
    private record Run(int exitCode, String out, List<String> errLines) {
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + String.join("\n", errLines);
        }
    }

    private static Run pipeline(String... args) throws IOException, InterruptedException {
        Path root = stack.projectRoot();
        Path out = Files.createTempFile("pipeline-out", ".txt");
        Path err = Files.createTempFile("pipeline-err", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(root.resolve("pipeline").toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./pipeline " + String.join(" ", args) + " did not end within 10 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readAllLines(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void statusExitsZeroWhenAllIsUpAndThreeNamingTheJobWhenOneIsDown() throws Exception {
        Run allUp = pipeline("status");
        assertEquals(0, allUp.exitCode(), allUp.describe());
        assertTrue(Pattern.compile("(?m)^job-picture +up ").matcher(allUp.out()).find(), allUp.describe());

        stack.stopStreamingJob(Facet.PICTURE);
        try {
            Run oneDown = pipeline("status");
            assertEquals(3, oneDown.exitCode(), oneDown.describe());
            assertTrue(Pattern.compile("(?m)^job-picture +down ").matcher(oneDown.out()).find(), oneDown.describe());
            assertTrue(Pattern.compile("(?m)^job-profile +up ").matcher(oneDown.out()).find(), oneDown.describe());
        } finally {
            stack.startStreamingJob(Facet.PICTURE);
        }

        Run upAgain = pipeline("status");
        assertEquals(0, upAgain.exitCode(), upAgain.describe());
    }

    @Test
    void triggerWithAValueAirflowRejectsIsOneLineAndExitOneAndNoRun() throws Exception {
        long runsBefore = stack.airflowClient().dagRunCount(PipelineDags.BACKFILL);

        Run rejected = pipeline("trigger", "--results", "0", "--pages", "1");

        assertEquals(1, rejected.exitCode(), rejected.describe());
        assertEquals(1, rejected.errLines().size(), rejected.describe());
        String line = rejected.errLines().get(0);
        assertTrue(line.startsWith("pipeline: "), line);
        assertTrue(line.contains("HTTP 400"), line);
        assertTrue(line.contains("results"), line);
        assertFalse(rejected.out().contains("Exception"), rejected.describe());
        assertEquals(runsBefore, stack.airflowClient().dagRunCount(PipelineDags.BACKFILL), "runs of " + PipelineDags.BACKFILL);
    }

    @Test
    void triggerWithAValueThatIsNotANumberIsAUsageErrorWithExitTwo() throws Exception {
        Run rejected = pipeline("trigger", "--pages", "three");

        assertEquals(2, rejected.exitCode(), rejected.describe());
        assertEquals("Invalid value for option '--pages': 'three' is not an int", rejected.errLines().get(0),
                rejected.describe());
        assertFalse(String.join("\n", rejected.errLines()).contains("\tat "), rejected.describe());
    }
}
