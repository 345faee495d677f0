package randomuser.pipeline.stack.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Airflow's account of itself: the status of each part in {@code /api/v2/monitor/health} and whether each
 * of the product's DAGs is parsed (known to the API), with its paused flag.
 *
 * @param components part name to status ("healthy", "unhealthy", or "missing")
 * @param dags       DAG id to what the API says of it; empty while the DAG processor has not parsed it
 * @param error      why Airflow could not be asked, or null
 */
public record AirflowView(Map<String, String> components, Map<String, Optional<JsonNode>> dags, String error) {
    /** The parts the local stack runs (no triggerer: no task defers), all of which must be healthy. */
    public static final List<String> REQUIRED_COMPONENTS = List.of("metadatabase", "scheduler", "dag_processor");

    public static AirflowView unreachable(String error) {
        return new AirflowView(Map.of(), Map.of(), error);
    }

    public static AirflowView of(JsonNode health, Map<String, Optional<JsonNode>> dags) {
        Map<String, String> components = new LinkedHashMap<>();
        for (String name : REQUIRED_COMPONENTS) {
            components.put(name, health.path(name).path("status").asText("missing"));
        }
        return new AirflowView(components, dags, null);
    }

    public Health health() {
        if (error != null) {
            return Health.down(error);
        }
        List<String> unhealthy = new ArrayList<>();
        components.forEach((name, status) -> {
            if (!"healthy".equals(status)) {
                unhealthy.add(name + " " + status);
            }
        });
        List<String> dagStates = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        dags.forEach((dagId, dag) -> {
            if (dag.isEmpty()) {
                unparsed.add(dagId);
            } else {
                dagStates.add(dagId
                        + (dag.get().path("is_paused").asBoolean(false) ? " (paused)" : " (active)")
                        + (dag.get().path("has_import_errors").asBoolean(false) ? " (import errors)" : ""));
            }
        });
        if (!unhealthy.isEmpty()) {
            return Health.down("health: " + String.join(", ", unhealthy));
        }
        String parts = String.join(", ", components.keySet()) + " healthy";
        if (!unparsed.isEmpty()) {
            return Health.down(parts + "; DAGs not parsed yet: " + String.join(", ", unparsed));
        }
        return Health.up(parts + "; DAGs " + String.join(", ", dagStates));
    }
}
