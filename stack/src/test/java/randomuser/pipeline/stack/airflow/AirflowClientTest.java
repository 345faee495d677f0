package randomuser.pipeline.stack.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.airflow.FakeAirflow.Answer;

@Timeout(30)
class AirflowClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ID = "manual__2026-01-01T00:00:00+00:00";
    private static final String RUN_PATH =
            "/api/v2/dags/randomuser_backfill/dagRuns/manual__2026-01-01T00%3A00%3A00%2B00%3A00";

    private FakeAirflow airflow;
    private AirflowClient client;

    @BeforeEach
    void start() throws Exception {
        airflow = new FakeAirflow();
        client = new AirflowClient(airflow.url(), "admin", "secret").withPollInterval(Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        airflow.close();
    }

    @Test
    void logsInOnceWithJsonAndSendsTheTokenAsBearer() throws Exception {
        airflow.on(
                "GET /api/v2/dags/randomuser_backfill",
                new Answer(200, "{\"dag_id\": \"randomuser_backfill\", \"is_paused\": false}"));

        assertEquals(
                "randomuser_backfill",
                client.dag("randomuser_backfill").orElseThrow().path("dag_id").asText());
        client.dag("randomuser_backfill");

        List<FakeAirflow.Request> logins = airflow.requestsTo("POST /auth/token");
        assertEquals(1, logins.size());
        assertEquals("application/json", logins.get(0).contentType());
        assertEquals(
                JSON.readTree("{\"username\": \"admin\", \"password\": \"secret\"}"),
                JSON.readTree(logins.get(0).body()));
        airflow.requestsTo("GET /api/v2/dags/randomuser_backfill")
                .forEach(request -> assertEquals("Bearer token-1", request.authorization()));
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheRequestSentAgain() {
        airflow.on("GET /api/v2/dags/randomuser_ingest", new Answer(200, "{\"dag_id\": \"randomuser_ingest\"}"));
        assertEquals("token-1", client.token());
        airflow.revoke("token-1");

        assertTrue(client.dag("randomuser_ingest").isPresent());
        assertEquals(
                List.of("Bearer token-1", "Bearer token-2"),
                airflow.requestsTo("GET /api/v2/dags/randomuser_ingest").stream()
                        .map(FakeAirflow.Request::authorization)
                        .toList());
    }

    @Test
    void aRejectedLoginSaysSo() {
        airflow.on("POST /auth/token", new Answer(401, "{\"detail\": \"Invalid credentials\"}"));
        StackException e = assertThrows(StackException.class, client::token);
        assertEquals("Airflow at " + airflow.url() + " rejected the login admin (Invalid credentials)", e.getMessage());
    }

    @Test
    void anUnparsedDagIsEmpty() {
        assertEquals(Optional.empty(), client.dag("randomuser_backfill"));
    }

    @Test
    void triggersWithANullLogicalDateAndTheConfAndAnswersTheRunId() throws Exception {
        airflow.on(
                "POST /api/v2/dags/randomuser_backfill/dagRuns",
                new Answer(200, "{\"dag_run_id\": \"" + RUN_ID + "\", \"state\": \"queued\"}"));
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("results", 500);
        conf.put("pages", 2);
        conf.put("seed", null);
        conf.put("nat", List.of("GB", "FR"));

        assertEquals(RUN_ID, client.triggerDagRun("randomuser_backfill", conf));

        JsonNode body = JSON.readTree(airflow.requestsTo("POST /api/v2/dags/randomuser_backfill/dagRuns")
                .get(0)
                .body());
        assertEquals(
                JSON.readTree("{\"logical_date\": null, \"conf\": {\"results\": 500, \"pages\": 2, \"seed\": null,"
                        + " \"nat\": [\"GB\", \"FR\"]}}"),
                body);
    }

    @Test
    void aConfAirflowRejectsIsOneMessageWithAirflowsReason() {
        // Airflow 3.1's own answer: its reason on the first line, then jsonschema's dump of the Param's schema.
        airflow.on(
                "POST /api/v2/dags/randomuser_backfill/dagRuns",
                new Answer(
                        400,
                        "{\"detail\": \"Invalid input for param results: 6000 is greater than the maximum of 5000\\n\\n"
                                + "Failed validating 'maximum' in schema:\\n    {'type': 'integer',\\n     'minimum': 1,\\n"
                                + "     'maximum': 5000,\\n     'title': 'Users per page'}\\n\\nOn instance:\\n    6000\"}"));
        AirflowApiException e = assertThrows(
                AirflowApiException.class, () -> client.triggerDagRun("randomuser_backfill", Map.of("results", 6000)));
        assertEquals(400, e.status());
        assertEquals(
                "Airflow answered POST /api/v2/dags/randomuser_backfill/dagRuns with HTTP 400: "
                        + "Invalid input for param results: 6000 is greater than the maximum of 5000",
                e.getMessage());
    }

    @Test
    void validationErrorsListEachProblem() {
        assertEquals(
                "body.conf: Input should be a valid dictionary; body.logical_date: Field required",
                AirflowClient.detail(
                        "{\"detail\": [{\"loc\": [\"body\", \"conf\"], \"msg\": \"Input should be a valid dictionary\"},"
                                + " {\"loc\": [\"body\", \"logical_date\"], \"msg\": \"Field required\"}]}"));
        assertEquals("Internal Server Error", AirflowClient.detail("Internal Server Error"));
    }

    @Test
    void theRunIdIsPercentEncodedInThePath() {
        airflow.on("GET " + RUN_PATH, new Answer(200, "{\"dag_run_id\": \"" + RUN_ID + "\", \"state\": \"running\"}"));
        assertEquals("running", client.dagRunState("randomuser_backfill", RUN_ID));
        assertEquals("manual__2026-01-01T00%3A00%3A00%2B00%3A00", AirflowClient.pathSegment(RUN_ID));
        assertEquals("a%20b", AirflowClient.pathSegment("a b"));
    }

    @Test
    void waitingFollowsTheRunToItsEndWithAProgressLinePerNewState() {
        airflow.on(
                "GET " + RUN_PATH,
                new Answer(200, "{\"state\": \"queued\"}"),
                new Answer(200, "{\"state\": \"queued\"}"),
                new Answer(200, "{\"state\": \"running\"}"),
                new Answer(200, "{\"state\": \"success\"}"));
        List<String> lines = new ArrayList<>();

        assertEquals(
                "success", client.waitForDagRun("randomuser_backfill", RUN_ID, Duration.ofSeconds(10), lines::add));

        assertEquals(4, airflow.requestsTo("GET " + RUN_PATH).size());
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("randomuser_backfill run " + RUN_ID + ": queued ... 0s", lines.get(0));
        assertEquals("randomuser_backfill run " + RUN_ID + ": running ... 0s", lines.get(1));
        assertEquals("randomuser_backfill run " + RUN_ID + ": success after 0s", lines.get(2));
    }

    @Test
    void aRunThatDoesNotEndInTimeIsAClearFailure() {
        airflow.on("GET " + RUN_PATH, new Answer(200, "{\"state\": \"queued\"}"));
        StackException e = assertThrows(
                StackException.class,
                () -> client.waitForDagRun("randomuser_backfill", RUN_ID, Duration.ofMillis(200), line -> {}));
        assertEquals(
                "randomuser_backfill run " + RUN_ID + " was still queued after 0s; follow it at " + airflow.url()
                        + "/dags/randomuser_backfill/runs/manual__2026-01-01T00%3A00%3A00%2B00%3A00",
                e.getMessage());
    }

    @Test
    void pausesWithAPatchOfIsPaused() throws Exception {
        airflow.on(
                "PATCH /api/v2/dags/randomuser_ingest",
                new Answer(200, "{\"dag_id\": \"randomuser_ingest\", \"is_paused\": true}"));
        client.setPaused("randomuser_ingest", true);
        FakeAirflow.Request patch =
                airflow.requestsTo("PATCH /api/v2/dags/randomuser_ingest").get(0);
        assertEquals(JSON.readTree("{\"is_paused\": true}"), JSON.readTree(patch.body()));
        assertEquals("Bearer token-1", patch.authorization());
    }

    @Test
    void readsTheReturnValueXcomPlainOrStillSerialized() {
        String xcomPath = "GET " + RUN_PATH + "/taskInstances/fetch_users/xcomEntries/return_value";
        airflow.on(
                xcomPath,
                new Answer(200, "{\"key\": \"return_value\", \"value\": \"summary: run_id=r users=1000\"}"),
                new Answer(200, "{\"key\": \"return_value\", \"value\": \"\\\"summary: run_id=r users=7\\\"\"}"),
                new Answer(404, "{\"detail\": \"XCom entry with key: `return_value` not found\"}"));
        assertEquals(
                Optional.of("summary: run_id=r users=1000"),
                client.xcomReturnValue("randomuser_backfill", RUN_ID, "fetch_users"));
        assertEquals(
                Optional.of("summary: run_id=r users=7"),
                client.xcomReturnValue("randomuser_backfill", RUN_ID, "fetch_users"));
        assertEquals(Optional.empty(), client.xcomReturnValue("randomuser_backfill", RUN_ID, "fetch_users"));
    }

    @Test
    void readsHealthWithoutLoggingIn() {
        airflow.on("GET /api/v2/monitor/health", new Answer(200, "{\"metadatabase\": {\"status\": \"healthy\"}}"));
        assertEquals(
                "healthy", client.health().path("metadatabase").path("status").asText());
        assertEquals(List.of(), airflow.requestsTo("POST /auth/token"));
    }

    @Test
    void anAirflowThatIsNotThereIsOneMessage() {
        airflow.close();
        StackException e = assertThrows(StackException.class, client::health);
        assertTrue(
                e.getMessage()
                        .startsWith("Airflow at " + airflow.url() + " did not answer GET /api/v2/monitor/health ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("is it running? ./pipeline status tells"), e.getMessage());
    }
}
