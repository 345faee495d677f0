package randomuser.pipeline.stack.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AirflowViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode health(String schedulerStatus) throws Exception {
        return json(
                "{\"metadatabase\": {\"status\": \"healthy\"}, \"scheduler\": {\"status\": \"" + schedulerStatus + "\","
                        + " \"latest_scheduler_heartbeat\": \"2026-01-01T00:00:00Z\"}, \"triggerer\": {\"status\": null},"
                        + " \"dag_processor\": {\"status\": \"healthy\"}}");
    }

    @Test
    void healthyWhenEveryPartIsHealthyAndBothDagsAreParsed() throws Exception {
        Map<String, Optional<JsonNode>> dags = new LinkedHashMap<>();
        dags.put("randomuser_backfill", Optional.of(json("{\"is_paused\": false}")));
        dags.put("randomuser_ingest", Optional.of(json("{\"is_paused\": true}")));
        assertEquals(
                Health.up("metadatabase, scheduler, dag_processor healthy; DAGs randomuser_backfill (active), "
                        + "randomuser_ingest (paused)"),
                AirflowView.of(health("healthy"), dags).health());
    }

    @Test
    void anUnparsedDagIsNotHealthyYet() throws Exception {
        Map<String, Optional<JsonNode>> dags = new LinkedHashMap<>();
        dags.put("randomuser_backfill", Optional.of(json("{\"is_paused\": false, \"has_import_errors\": true}")));
        dags.put("randomuser_ingest", Optional.empty());
        assertEquals(
                Health.down("metadatabase, scheduler, dag_processor healthy; DAGs not parsed yet: randomuser_ingest"),
                AirflowView.of(health("healthy"), dags).health());
    }

    @Test
    void anUnhealthyOrMissingPartIsNamed() throws Exception {
        JsonNode partial =
                json("{\"metadatabase\": {\"status\": \"healthy\"}, \"scheduler\": {\"status\": \"unhealthy\"}}");
        assertEquals(
                Health.down("health: scheduler unhealthy, dag_processor missing"),
                AirflowView.of(partial, Map.of()).health());
    }

    @Test
    void anUnreachableAirflowIsDown() {
        assertEquals(
                Health.down("connection refused"),
                AirflowView.unreachable("connection refused").health());
    }
}
