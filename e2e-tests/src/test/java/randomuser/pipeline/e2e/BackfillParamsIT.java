package randomuser.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.airflow.AirflowApiException;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;

/**
 * Bad Params posted to the real Airflow, the way a script would ({@code POST /api/v2/dags/randomuser_backfill/dagRuns}):
 * Airflow itself validates the conf against the DAG's Params and answers 400, naming the value, and creates no run.
 * Not the DAG file's own validation re-run in Python, nor a fake server.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BackfillParamsIT {
    private static AirflowClient airflow;

    @BeforeAll
    static void startAirflow() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().airflow());
        airflow = stack.airflowClient();
        new BackfillRuns(airflow).requireActive();
    }

    static Stream<Arguments> badConfs() {
        return Stream.of(
                Arguments.of(Map.of("results", 0), "0"),
                Arguments.of(Map.of("results", 5001), "5001"),
                Arguments.of(Map.of("pages", 0), "0"),
                Arguments.of(Map.of("pages", "three"), "three"),
                Arguments.of(Map.of("seed", "has spaces"), "has spaces"),
                Arguments.of(Map.of("nat", List.of("XX")), "XX"),
                Arguments.of(Map.of("gender", "other"), "other"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfs")
    void aBadValueIsRejectedWith400AndNoRunIsCreated(Map<String, Object> conf, String named) {
        long runsBefore = airflow.dagRunCount(PipelineDags.BACKFILL);

        AirflowApiException rejected = assertThrows(
                AirflowApiException.class,
                () -> airflow.triggerDagRun(PipelineDags.BACKFILL, new LinkedHashMap<>(conf)));

        assertEquals(400, rejected.status(), rejected.getMessage());
        assertTrue(
                rejected.getMessage().contains(named),
                "Airflow's message names " + named + ": " + rejected.getMessage());
        assertEquals(runsBefore, airflow.dagRunCount(PipelineDags.BACKFILL), "runs of " + PipelineDags.BACKFILL);
    }
}
