package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.StackStatus;
import randomuser.pipeline.stack.probe.StreamingJobStatus;

class StatusJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTablesFactsWithNullsForWhatIsAbsent() throws Exception {
        Map<String, Long> documents = new LinkedHashMap<>();
        documents.put("profiles", 1000L);
        documents.put("dead_letters", 2L);
        StackStatus status = new StackStatus(
                List.of(
                        new ComponentStatus("kafka-1", true, "brokers in cluster [1, 2, 3]", OptionalLong.of(42), 2048),
                        new ComponentStatus("airflow", false, "no answer", OptionalLong.empty(), 0)),
                List.of(
                        new StackStatus.Job(
                                "job-profile",
                                true,
                                Optional.of(new StreamingJobStatus(
                                        "RUNNING",
                                        77,
                                        OptionalLong.of(12),
                                        "2026-12-04T20:00:00Z",
                                        OptionalLong.of(500),
                                        OptionalDouble.of(250.5),
                                        OptionalLong.of(0),
                                        1000,
                                        2,
                                        "2026-12-04T20:00:01Z",
                                        null)),
                                OptionalLong.of(0),
                                1024,
                                512),
                        new StackStatus.Job("job-location", false, Optional.empty(), OptionalLong.empty(), 0, 0)),
                documents,
                null);

        assertEquals(JSON.readTree("""
                {"all_up": false,
                 "components": [
                   {"name": "kafka-1", "up": true, "pid": 42, "rss_kib": 2048, "evidence": "brokers in cluster [1, 2, 3]"},
                   {"name": "airflow", "up": false, "pid": null, "rss_kib": 0, "evidence": "no answer"}],
                 "total_rss_kib": 2048,
                 "jobs": [
                   {"name": "job-profile", "driver_running": true, "backlog": 0, "driver_rss_kib": 1024,
                    "executor_rss_kib": 512, "state": "RUNNING", "batch": 12, "last_batch_at": "2026-12-04T20:00:00Z",
                    "last_batch_rows_in": 500, "rows_per_second": 250.5, "lag": 0, "upserted": 1000, "dead_lettered": 2,
                    "error": null},
                   {"name": "job-location", "driver_running": false, "backlog": null, "driver_rss_kib": 0,
                    "executor_rss_kib": 0, "state": null, "batch": null, "last_batch_at": null, "last_batch_rows_in": null,
                    "rows_per_second": null, "lag": null, "upserted": null, "dead_lettered": null, "error": null}],
                 "documents": {"profiles": 1000, "dead_letters": 2},
                 "documents_error": null}"""), JSON.readTree(StatusJson.render(status)));
    }
}
