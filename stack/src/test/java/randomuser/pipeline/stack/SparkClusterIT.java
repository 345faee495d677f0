package randomuser.pipeline.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Spark standalone cluster: one master and six one-core workers, as the master itself reports. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkClusterIT {
    @Test
    void sixOneCoreWorkersAreAliveAtTheMaster() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().spark());

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.sparkMasterUiUrl() + "/json/"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode master = new ObjectMapper().readTree(response.body());
        assertEquals("ALIVE", master.path("status").asText());
        assertEquals(stack.sparkMasterUrl(), master.path("url").asText());
        List<JsonNode> alive = new ArrayList<>();
        master.path("workers").forEach(worker -> {
            if ("ALIVE".equals(worker.path("state").asText())) {
                alive.add(worker);
            }
        });
        assertEquals(6, alive.size());
        assertEquals(
                List.of(
                        "http://127.0.0.1:8091",
                        "http://127.0.0.1:8092",
                        "http://127.0.0.1:8093",
                        "http://127.0.0.1:8094",
                        "http://127.0.0.1:8095",
                        "http://127.0.0.1:8096"),
                alive.stream()
                        .map(w -> w.path("webuiaddress").asText())
                        .sorted()
                        .toList());
        alive.forEach(worker -> assertEquals(1, worker.path("cores").asInt()));
        assertEquals(6, master.path("cores").asInt());
    }
}
