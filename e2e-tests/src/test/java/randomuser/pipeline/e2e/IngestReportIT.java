package randomuser.pipeline.e2e;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.testrun.PipelineScript;
import randomuser.pipeline.stack.testrun.PipelineScript.Run;

/**
 * {@code ./pipeline report} for a seeded run of 3 x 1,000 users, run as a user runs it, opened in headless
 * Chromium from the file it wrote: the gender split and the users per nationality shown on the page equal
 * {@code countDocuments} by filter on MongoDB (an independent count, not the report's aggregations), every
 * collection shows the run's 3,000 documents, and every figure's chart was drawn. The screenshot stays as an
 * artifact. An unknown run is one line on stderr and exit 1.
 */
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class IngestReportIT {
    private static final int RESULTS = 1000;
    private static final int PAGES = 3;
    private static final int USERS = RESULTS * PAGES;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOCUMENTS_STALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DOCUMENTS_TIMEOUT = Duration.ofMinutes(15);
    static final String REPORT_PAGE = "ingest-report.html";
    static final String REPORT_SCREENSHOT = "ingest-report.png";

    @Test
    void theReportOfASeededRunShowsTheCountsMongoDbGivesByFilter() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
        Path artifacts = Artifacts.dir();
        Path page = artifacts.resolve(REPORT_PAGE);
        Files.deleteIfExists(page);
        Files.deleteIfExists(artifacts.resolve(REPORT_SCREENSHOT));
        String seed = "report-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        try (ScheduledIngestPause pause = ScheduledIngestPause.pause(stack);
                FacetCollections mongo = new FacetCollections(stack.mongoUri())) {
            Set<String> ids = Set.of();
            try {
                BackfillRuns runs = new BackfillRuns(stack.airflowClient());
                runs.requireActive();
                String runId = runs.trigger(new BackfillRequest(RESULTS, PAGES, seed, List.of(), "any").conf());
                runs.awaitSuccess(runId, RUN_TIMEOUT);
                mongo.awaitCountsOfRun(runId, USERS, DOCUMENTS_STALL_TIMEOUT, DOCUMENTS_TIMEOUT);
                ids = mongo.idsOfRun(Facet.PROFILE, runId);

                Run report = PipelineScript.run(stack.layout(), "report", "--run", runId, "--out", page.toString());
                assertEquals(0, report.exitCode(), report.describe());
                assertTrue(
                        report.out().startsWith("Database randomuser · run " + runId + ": 3,000 users · computed "),
                        report.describe());
                assertTrue(report.out().contains("written to " + page.toUri()), report.describe());

                Map<String, Long> genders = countsByFilter(mongo, runId, "gender");
                Map<String, Long> nationalities = countsByFilter(mongo, runId, "nat");
                assertEquals(USERS, sum(genders), "genders by filter: " + genders);
                assertEquals(USERS, sum(nationalities), "nationalities by filter: " + nationalities);
                Map<String, Long> documents = new LinkedHashMap<>();
                for (Facet facet : Facet.values()) {
                    documents.put(facet.collection(), (long) USERS);
                }

                try (HeadlessChromium browser = HeadlessChromium.start()) {
                    ChromeDriver driver = browser.driver();
                    driver.get(page.toUri().toString());
                    // Every table with a chart gets its canvas, drawn by the inlined Chart.js.
                    int charts = driver.findElements(By.cssSelector("table[data-chart]"))
                            .size();
                    new WebDriverWait(driver, Duration.ofSeconds(30))
                            .until(d -> ((ChromeDriver) d)
                                    .executeScript(
                                            "return typeof Chart === 'undefined' ? -1 : Object.keys(Chart.instances).length")
                                    .equals((long) charts));
                    Files.write(artifacts.resolve(REPORT_SCREENSHOT), driver.getScreenshotAs(OutputType.BYTES));
                    Set<String> drawn = Set.copyOf(driver.findElements(By.cssSelector("table[data-chart]")).stream()
                            .map(table -> table.getAttribute("data-figure"))
                            .toList());
                    assertTrue(
                            drawn.containsAll(Set.of(
                                    "users_per_run",
                                    "gender",
                                    "nationality",
                                    "age",
                                    "birth_month",
                                    "documents",
                                    "freshness")),
                            "figures with a chart: " + drawn);

                    assertEquals(
                            "Database randomuser · run " + runId + ": 3,000 users",
                            driver.findElement(By.id("report-scope")).getText().replaceAll(" · computed .*", ""));
                    assertEquals(genders, shown(driver, "gender"), "gender split on the page vs countDocuments");
                    assertEquals(
                            nationalities,
                            shown(driver, "nationality"),
                            "users per nationality on the page vs countDocuments");
                    assertEquals(documents, shown(driver, "documents"), "documents per collection");
                    assertEquals(USERS, sum(shown(driver, "age")), "age histogram");
                    assertEquals(USERS, sum(shown(driver, "birth_month")), "birth-month histogram");
                    assertEquals(
                            Set.of(runId),
                            Set.copyOf(driver.findElements(By.cssSelector("#users_per_run tr.chosen")).stream()
                                    .map(row -> row.getAttribute("data-label"))
                                    .toList()),
                            "the chosen run's row");
                    assertEquals(
                            Long.toString(USERS),
                            driver.findElement(
                                            By.cssSelector("table[data-figure=freshness] tr[data-label=profiles] td"))
                                    .getAttribute("data-value"));
                }
                System.out.println("the report of run " + runId + " shows " + genders + " and " + nationalities.size()
                        + " nationalities, as countDocuments does; screenshot " + artifacts.resolve(REPORT_SCREENSHOT));

                Run unknown = PipelineScript.run(
                        stack.layout(),
                        "report",
                        "--run",
                        "manual__no-such-run",
                        "--out",
                        artifacts.resolve("unknown-run.html").toString());
                assertEquals(1, unknown.exitCode(), unknown.describe());
                assertEquals(1, unknown.errLines().size(), unknown.describe());
                assertTrue(
                        unknown.errLines()
                                .get(0)
                                .startsWith("pipeline: run manual__no-such-run wrote no users that are "
                                        + "still its own in randomuser.profiles (the latest run is "),
                        unknown.describe());
                assertTrue(
                        Files.notExists(artifacts.resolve("unknown-run.html")),
                        "a page was written for an unknown run");
            } finally {
                System.out.println("deleted the test's " + mongo.deleteUsers(ids) + " documents");
            }
        }
    }

    /** The run's profiles counted by {@code countDocuments} per value of a field: independent of the report. */
    private static Map<String, Long> countsByFilter(FacetCollections mongo, String runId, String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String value : mongo.collection(Facet.PROFILE)
                .distinct(field, eq(FacetCollections.RUN_ID_FIELD, runId), String.class)) {
            counts.put(
                    value,
                    mongo.collection(Facet.PROFILE)
                            .countDocuments(and(eq(FacetCollections.RUN_ID_FIELD, runId), eq(field, value))));
        }
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The label → count rows of one figure's table, as the page shows them (thousands separators removed). */
    private static Map<String, Long> shown(ChromeDriver driver, String figure) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("table[data-figure=" + figure + "] tbody tr"))) {
            // Hidden text (a collapsed <details>) has no getText(): the DOM's textContent is what the page holds.
            String label = row.findElement(By.cssSelector("th")).getDomProperty("textContent");
            String count = row.findElement(By.cssSelector("td")).getDomProperty("textContent");
            counts.put(label, Long.parseLong(count.replace(",", "")));
        }
        return counts;
    }
}
