package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.airflow.PipelineDags;
import randomuser.pipeline.stack.testrun.PipelineScript;
import randomuser.pipeline.stack.testrun.PipelineScript.Run;

/**
 * {@code ./pipeline} run as a user runs it (the script at the project root, in a process of its own) against the
 * running stack: what it prints and the exit codes it documents. {@code up} runs its main job, the same seeded
 * 1,000 users a first {@code up} writes. ({@code down} and {@code clean}: {@link PipelineDownCleanIT}.)
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PipelineCliIT {
    private static LocalStack stack;

    @BeforeAll
    static void stackUp() {
        stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
    }

    private static Run pipeline(String... args) throws IOException, InterruptedException {
        return PipelineScript.run(stack.layout(), args);
    }

    @Test
    void statusExitsZeroWhenAllIsUpAndThreeNamingTheJobWhenOneIsDown() throws Exception {
        Run allUp = pipeline("status");
        assertEquals(0, allUp.exitCode(), allUp.describe());
        assertTrue(Pattern.compile("(?m)^job-picture +up ").matcher(allUp.out()).find(), allUp.describe());

        stack.faults().stopStreamingJob(Facet.PICTURE);
        try {
            Run oneDown = pipeline("status");
            assertEquals(3, oneDown.exitCode(), oneDown.describe());
            assertTrue(
                    Pattern.compile("(?m)^job-picture +down ")
                            .matcher(oneDown.out())
                            .find(),
                    oneDown.describe());
            assertTrue(
                    Pattern.compile("(?m)^job-profile +up ")
                            .matcher(oneDown.out())
                            .find(),
                    oneDown.describe());
        } finally {
            stack.faults().startStreamingJob(Facet.PICTURE);
        }

        Run upAgain = pipeline("status");
        assertEquals(0, upAgain.exitCode(), upAgain.describe());
    }

    @Test
    void upOnTheRunningStackRunsTheMainJobAndShowsItsUsersInEveryCollection() throws Exception {
        Run up = pipeline("up");

        assertEquals(0, up.exitCode(), up.describe());
        List<String> lines = up.out().lines().toList();
        String logs = stack.projectRoot().relativize(stack.layout().logsDir()) + "/";
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.matches("The stack is up \\(\\d+s\\)\\. Logs: " + Pattern.quote(logs)
                                + "\\. Now the main job:")),
                up.describe());
        Matcher run = Pattern.compile("(?m)^Run (\\S+) of randomuser_backfill$").matcher(up.out());
        assertTrue(run.find(), up.describe());
        String runId = run.group(1);
        assertTrue(lines.contains("  asked for  2 pages x 500 users, seed randomuser-pipeline"), up.describe());
        assertTrue(
                lines.stream()
                        .anyMatch(line -> line.matches("  fetched    1000 users, 6000 records acknowledged "
                                + "by Kafka \\(0 failed\\), 2/2 pages in [0-9.]+ s")),
                up.describe());
        for (Facet facet : Facet.values()) {
            assertTrue(
                    lines.stream().anyMatch(line -> line.matches("  " + facet.collection() + " +1000")),
                    facet.collection() + " in " + up.describe());
        }
        assertTrue(
                lines.contains("One user of this run, its fields from the six collections joined by _id:"),
                up.describe());
        assertTrue(
                lines.get(lines.size() - 1).matches("Done in \\d+s \\(stack \\d+s, main job \\d+s\\)\\."),
                up.describe());
        assertFalse(up.out().contains("Exception"), up.describe());

        // Counted apart from the CLI: every collection holds the run's 1,000 users.
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            for (Facet facet : Facet.values()) {
                assertEquals(
                        1000,
                        mongo.getDatabase(Facet.DATABASE)
                                .getCollection(facet.collection())
                                .countDocuments(Filters.eq("_ingest.run_id", runId)),
                        facet.collection());
            }
        }
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
        assertEquals(
                runsBefore,
                stack.airflowClient().dagRunCount(PipelineDags.BACKFILL),
                "runs of " + PipelineDags.BACKFILL);
    }

    @Test
    void triggerWithAValueThatIsNotANumberIsAUsageErrorWithExitTwo() throws Exception {
        Run rejected = pipeline("trigger", "--pages", "three");

        assertEquals(2, rejected.exitCode(), rejected.describe());
        assertEquals(
                "Invalid value for option '--pages': 'three' is not an int",
                rejected.errLines().get(0),
                rejected.describe());
        assertFalse(String.join("\n", rejected.errLines()).contains("\tat "), rejected.describe());
    }
}
