package randomuser.pipeline.stack.probe;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Spark master's own account of itself, from its UI's JSON endpoint ({@code /json/}). */
public record SparkMasterView(String status, List<Worker> workers, List<App> activeApps, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A worker as the master lists it; {@code webUiPort} tells which of the stack's workers it is. */
    public record Worker(String id, int webUiPort, int cores, String state) {}

    /**
     * An application the master lists as active: WAITING until it has an executor, then RUNNING.
     *
     * @param cores cores its executors hold now
     */
    public record App(String id, String name, String state, int cores) {}

    public static SparkMasterView unreachable(String error) {
        return new SparkMasterView("UNREACHABLE", List.of(), List.of(), error);
    }

    public static SparkMasterView parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Worker> workers = new ArrayList<>();
            for (JsonNode worker : root.path("workers")) {
                String address = worker.path("webuiaddress").asText("");
                int port = address.lastIndexOf(':') < 0
                        ? -1
                        : Integer.parseInt(
                                address.substring(address.lastIndexOf(':') + 1).replaceAll("\\D.*", ""));
                workers.add(new Worker(
                        worker.path("id").asText(),
                        port,
                        worker.path("cores").asInt(),
                        worker.path("state").asText()));
            }
            List<App> apps = new ArrayList<>();
            for (JsonNode app : root.path("activeapps")) {
                apps.add(new App(
                        app.path("id").asText(),
                        app.path("name").asText(),
                        app.path("state").asText(),
                        app.path("cores").asInt()));
            }
            return new SparkMasterView(root.path("status").asText("UNKNOWN"), workers, apps, null);
        } catch (Exception e) {
            return unreachable("unexpected answer from the master: " + e.getMessage());
        }
    }

    public long aliveWorkers() {
        return workers.stream().filter(w -> "ALIVE".equals(w.state())).count();
    }

    public Health masterHealth() {
        if (error != null) {
            return Health.down(error);
        }
        String evidence = "master " + status + ", " + aliveWorkers() + " workers ALIVE";
        return "ALIVE".equals(status) ? Health.up(evidence) : Health.down(evidence);
    }

    public Health workerHealth(int webUiPort) {
        if (error != null) {
            return Health.down("master not reachable: " + error);
        }
        return workers.stream()
                .filter(w -> w.webUiPort() == webUiPort && "ALIVE".equals(w.state()))
                .findFirst()
                .map(w -> Health.up("ALIVE at the master, " + w.cores() + " core, " + w.id()))
                .orElse(Health.down("not ALIVE at the master (" + aliveWorkers() + " workers ALIVE)"));
    }

    /** Active applications with this name, newest first (a restarted job's old app may linger a moment). */
    public List<App> activeApps(String name) {
        return activeApps.stream()
                .filter(app -> app.name().equals(name))
                .sorted((a, b) -> b.id().compareTo(a.id()))
                .toList();
    }
}
