package randomuser.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.Airflow;
import randomuser.pipeline.stack.mainjob.BackfillRequest;

/**
 * The Airflow UI's trigger form in headless Chromium, as a person uses it: log in, open
 * {@code randomuser_backfill}, open the Trigger dialog, fill the Params form (users per page, pages, seed, two
 * nationalities), trigger. Then the run must be the one the form described, succeed (seen through the REST
 * API and on the run's page), and its users arrive in all six collections. The filled form is saved as
 * {@code target/artifacts/backfill-trigger-form.png}.
 */
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class AirflowUiTriggerIT {
    private static final int RESULTS = 20;
    private static final int PAGES = 1;
    private static final List<String> NATIONALITIES = List.of("GB", "FR");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOCUMENTS_STALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DOCUMENTS_TIMEOUT = Duration.ofMinutes(15);
    static final String FORM_SCREENSHOT = "backfill-trigger-form.png";

    @Test
    void aRunTriggeredFromTheFilledFormLandsItsUsersInEveryCollection() throws Exception {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.forProject();
        try {
            stack.requireRunning(stack.topology().all());
            Path artifacts = Artifacts.dir();
            Files.deleteIfExists(artifacts.resolve(FORM_SCREENSHOT));
            String seed =
                    "e2e-ui-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Set<String> expectedIds = new FetcherDryRun(stack.layout().fetcherJar(), stack.emulatorUrl(), artifacts)
                    .records(RESULTS, PAGES, seed, NATIONALITIES)
                    .get(Facet.PROFILE)
                    .keySet();
            assertEquals(RESULTS * PAGES, expectedIds.size(), "users of the dry run");

            try (ScheduledIngestPause pause = ScheduledIngestPause.pause(stack);
                    FacetCollections mongo = new FacetCollections(stack.mongoUri())) {
                try {
                    triggerFromTheUiAndSeeTheUsersArrive(stack, mongo, seed, expectedIds, artifacts);
                } finally {
                    System.out.println("deleted the test's " + mongo.deleteUsers(expectedIds) + " documents");
                }
            }
        } finally {
            System.out.printf("wall time of the browser test: %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static void triggerFromTheUiAndSeeTheUsersArrive(
            LocalStack stack, FacetCollections mongo, String seed, Set<String> expectedIds, Path artifacts)
            throws Exception {
        BackfillRuns runs = new BackfillRuns(stack.airflowClient());
        runs.requireActive();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            AirflowUi ui = new AirflowUi(browser.driver(), stack.airflowUrl());
            String runId;
            try {
                runId = triggerThroughTheForm(ui, seed, artifacts);
            } catch (RuntimeException | AssertionError e) {
                ui.saveEvidence(artifacts, "failure-trigger-form");
                throw e;
            }
            System.out.println("the form triggered run " + runId);

            assertEquals(
                    new ObjectMapper().valueToTree(expectedConf(seed)),
                    runs.run(runId).path("conf"),
                    "the conf of the run the form triggered");
            runs.awaitSuccess(runId, RUN_TIMEOUT);
            System.out.println("fetcher of " + runId + ": " + runs.fetcherSummary(runId));
            try {
                ui.awaitRunStateShown(runId, "Success");
                ui.screenshot(artifacts.resolve("backfill-run-success.png"));
            } catch (RuntimeException | AssertionError e) {
                ui.saveEvidence(artifacts, "failure-run-page");
                throw e;
            }
            assertUsersArrived(stack, runs, mongo, runId, expectedIds);
        }
    }

    /**
     * Logs in, fills the Trigger form of randomuser_backfill, saves its screenshot, triggers; answers the run id
     * (the browser is then on the run's page).
     */
    private static String triggerThroughTheForm(AirflowUi ui, String seed, Path artifacts) throws Exception {
        ui.logIn(Airflow.USERNAME, Airflow.PASSWORD);
        ui.openDag(BackfillRuns.DAG_ID);
        ui.openTriggerDialog("results");
        ui.setNumberParam("results", RESULTS);
        ui.setNumberParam("pages", PAGES);
        ui.setTextParam("seed", seed);
        ui.selectMultiParam("nat", NATIONALITIES);
        Path screenshot = artifacts.resolve(FORM_SCREENSHOT);
        ui.screenshot(screenshot);
        System.out.println("the filled trigger form: " + screenshot);
        return ui.triggerAndReadRunId(BackfillRuns.DAG_ID);
    }

    private static Map<String, Object> expectedConf(String seed) {
        return new BackfillRequest(RESULTS, PAGES, seed, NATIONALITIES, "any").conf();
    }

    private static void assertUsersArrived(
            LocalStack stack, BackfillRuns runs, FacetCollections mongo, String runId, Set<String> expectedIds)
            throws Exception {
        long users = expectedIds.size();
        Map<Facet, Long> counts = mongo.awaitCountsOfRun(runId, users, DOCUMENTS_STALL_TIMEOUT, DOCUMENTS_TIMEOUT);
        if (counts.values().stream().anyMatch(count -> count != users)) {
            throw new AssertionError("the collections did not hold exactly " + users + " documents of run " + runId
                    + "\n" + PipelineDiagnostics.of(stack, runs, mongo, runId, users));
        }
        for (Facet facet : Facet.values()) {
            assertEquals(expectedIds, mongo.idsOfRun(facet, runId), facet.collection() + ": ids of run " + runId);
        }
        for (Document profile :
                mongo.collection(Facet.PROFILE).find(new Document(FacetCollections.RUN_ID_FIELD, runId))) {
            assertTrue(
                    NATIONALITIES.contains(profile.getString("nat")),
                    "profile " + profile.get("_id") + " has nat " + profile.getString("nat") + ", not one of "
                            + NATIONALITIES);
        }
        System.out.println("the " + users + " users of run " + runId + " are in all six collections");
    }
}
