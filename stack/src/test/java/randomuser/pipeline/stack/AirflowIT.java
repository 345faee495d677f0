package randomuser.pipeline.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;

/** Airflow (scheduler, DAG processor, API server), started through the same code as {@code ./pipeline up}, as its REST API reports it. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AirflowIT {
    @Test
    void healthyWithBothDagsParsedAndALoginThatWorks() {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().airflow());
        AirflowClient airflow = stack.airflowClient();

        JsonNode health = airflow.health();
        for (String part : List.of("metadatabase", "scheduler", "dag_processor")) {
            assertEquals("healthy", health.path(part).path("status").asText(), part + " in " + health);
        }

        String token = airflow.token();
        assertFalse(token.isBlank());
        List<String> dagIds = airflow.dagIds();
        assertTrue(dagIds.containsAll(List.of(PipelineDags.BACKFILL, PipelineDags.INGEST)), dagIds.toString());
        JsonNode backfill = airflow.dag(PipelineDags.BACKFILL).orElseThrow();
        assertEquals(PipelineDags.BACKFILL, backfill.path("dag_id").asText());
        assertFalse(backfill.path("has_import_errors").asBoolean(), backfill.toString());
    }
}
