package randomuser.pipeline.stack.airflow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;

/**
 * Airflow 3's REST API, as far as the pipeline uses it: a token ({@code POST /auth/token}), health, DAGs,
 * triggering a DAG run with a conf and following it to its end, pausing a DAG, and a task's XCom.
 * Thread-safe; the token is fetched once and again when Airflow answers 401.
 */
public final class AirflowClient {
    /** States after which a DAG run changes no more. */
    public static final Set<String> TERMINAL_RUN_STATES = Set.of("success", "failed");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final String baseUrl;
    private final String username;
    private final String password;
    private final Duration requestTimeout;
    private final Duration pollInterval;
    private final HttpClient http;
    private String token;

    public AirflowClient(String baseUrl, String username, String password) {
        this(baseUrl, username, password, DEFAULT_REQUEST_TIMEOUT, DEFAULT_POLL);
    }

    private AirflowClient(
            String baseUrl, String username, String password, Duration requestTimeout, Duration pollInterval) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.username = username;
        this.password = password;
        this.requestTimeout = requestTimeout;
        this.pollInterval = pollInterval;
        // HTTP/1.1: Java's default first tries an h2c upgrade, and Airflow's server (uvicorn) then loses the
        // body of a POST ("Expecting value: line 1 column 1").
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same client with another per-request timeout (health probes want a short one). */
    public AirflowClient withRequestTimeout(Duration timeout) {
        return new AirflowClient(baseUrl, username, password, timeout, pollInterval);
    }

    /** The same client polling a DAG run's state this often while waiting for it. */
    public AirflowClient withPollInterval(Duration interval) {
        return new AirflowClient(baseUrl, username, password, requestTimeout, interval);
    }

    public String baseUrl() {
        return baseUrl;
    }

    // ---- authentication

    /** A JWT for the API, fetched with the login on first use and kept. */
    public synchronized String token() {
        if (token == null) {
            token = newToken();
        }
        return token;
    }

    private String newToken() {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(uri("/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                "POST /auth/token");
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new AirflowApiException(
                    response.statusCode(),
                    "Airflow at " + baseUrl + " rejected the login " + username + " (" + detail(response.body()) + ")");
        }
        JsonNode answer = requireSuccess(response, "POST /auth/token");
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new StackException("Airflow at " + baseUrl + " answered POST /auth/token without an access_token: "
                    + abbreviate(response.body()));
        }
        return accessToken;
    }

    private synchronized void forgetToken(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    // ---- health and DAGs

    /** {@code GET /api/v2/monitor/health}: metadatabase, scheduler, triggerer, dag_processor, each with a status. */
    public JsonNode health() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v2/monitor/health")).GET(), "GET /api/v2/monitor/health");
        return requireSuccess(response, "GET /api/v2/monitor/health");
    }

    /** The DAG as Airflow knows it ({@code is_paused}, {@code has_import_errors}, ...); empty until it is parsed. */
    public Optional<JsonNode> dag(String dagId) {
        String path = "/api/v2/dags/" + pathSegment(dagId);
        HttpResponse<String> response =
                authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(requireSuccess(response, "GET " + path));
    }

    /** The ids of every DAG Airflow has parsed (first 100). */
    public List<String> dagIds() {
        String path = "/api/v2/dags?limit=100";
        JsonNode answer =
                requireSuccess(authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path), "GET " + path);
        List<String> ids = new ArrayList<>();
        answer.path("dags").forEach(dag -> ids.add(dag.path("dag_id").asText()));
        return ids;
    }

    /** {@code PATCH /api/v2/dags/{id}} with {@code is_paused}. */
    public void setPaused(String dagId, boolean paused) {
        String path = "/api/v2/dags/" + pathSegment(dagId);
        ObjectNode body = JSON.createObjectNode().put("is_paused", paused);
        requireSuccess(
                authorized(
                        HttpRequest.newBuilder(uri(path))
                                .header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())),
                        "PATCH " + path),
                "PATCH " + path);
    }

    // ---- Variables

    /** {@code GET /api/v2/variables/{key}}: the Variable's value, empty when there is none. */
    public Optional<String> variable(String key) {
        String path = "/api/v2/variables/" + pathSegment(key);
        HttpResponse<String> response =
                authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(requireSuccess(response, "GET " + path).path("value").asText());
    }

    /** Creates or replaces a Variable ({@code DELETE} then {@code POST /api/v2/variables}). */
    public void setVariable(String key, String value) {
        deleteVariable(key);
        String path = "/api/v2/variables";
        ObjectNode body = JSON.createObjectNode().put("key", key).put("value", value);
        requireSuccess(
                authorized(
                        HttpRequest.newBuilder(uri(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                        "POST " + path),
                "POST " + path);
    }

    /** {@code DELETE /api/v2/variables/{key}}; a Variable that is not there is fine. */
    public void deleteVariable(String key) {
        String path = "/api/v2/variables/" + pathSegment(key);
        HttpResponse<String> response =
                authorized(HttpRequest.newBuilder(uri(path)).DELETE(), "DELETE " + path);
        if (response.statusCode() != 404) {
            requireSuccess(response, "DELETE " + path);
        }
    }

    // ---- DAG runs

    /**
     * Triggers a run now ({@code logical_date} null: a manual run with no data interval) with the given conf,
     * which Airflow validates against the DAG's Params; a rejected value is an {@link AirflowApiException}
     * (400) whose message is Airflow's.
     *
     * @return the run id Airflow gave the run
     */
    public String triggerDagRun(String dagId, Map<String, ?> conf) {
        String path = "/api/v2/dags/" + pathSegment(dagId) + "/dagRuns";
        ObjectNode body = JSON.createObjectNode();
        body.putNull("logical_date");
        body.set("conf", JSON.valueToTree(conf == null ? Map.of() : new LinkedHashMap<>(conf)));
        JsonNode answer = requireSuccess(
                authorized(
                        HttpRequest.newBuilder(uri(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                        "POST " + path),
                "POST " + path);
        String runId = answer.path("dag_run_id").asText("");
        if (runId.isEmpty()) {
            throw new StackException(
                    "Airflow answered POST " + path + " without a dag_run_id: " + abbreviate(answer.toString()));
        }
        return runId;
    }

    /** How many runs the DAG has, whatever their state ({@code total_entries} of its run list). */
    public long dagRunCount(String dagId) {
        String path = "/api/v2/dags/" + pathSegment(dagId) + "/dagRuns?limit=1";
        JsonNode answer =
                requireSuccess(authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path), "GET " + path);
        if (!answer.path("total_entries").canConvertToLong()) {
            throw new StackException(
                    "Airflow answered GET " + path + " without total_entries: " + abbreviate(answer.toString()));
        }
        return answer.path("total_entries").asLong();
    }

    /** The run as Airflow reports it ({@code state}, {@code start_date}, {@code end_date}, {@code conf}, ...). */
    public JsonNode dagRun(String dagId, String runId) {
        String path = runPath(dagId, runId);
        return requireSuccess(authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path), "GET " + path);
    }

    /** queued, running, success or failed. */
    public String dagRunState(String dagId, String runId) {
        return dagRun(dagId, runId).path("state").asText();
    }

    /**
     * Polls the run until it is in a terminal state, with a progress line when its state changes and every
     * few seconds.
     *
     * @return the terminal state (success or failed)
     * @throws StackException when the run is not finished within the timeout
     */
    public String waitForDagRun(String dagId, String runId, Duration timeout, Progress progress) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + REPORT_EVERY.toNanos();
        String lastState = null;
        while (true) {
            String state = dagRunState(dagId, runId);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (TERMINAL_RUN_STATES.contains(state)) {
                progress.line(dagId + " run " + runId + ": " + state + " after " + seconds + "s");
                return state;
            }
            if (!state.equals(lastState) || System.nanoTime() >= nextReport) {
                progress.line(dagId + " run " + runId + ": " + state + " ... " + seconds + "s");
                nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                lastState = state;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(dagId + " run " + runId + " was still " + state + " after "
                        + timeout.toSeconds() + "s; follow it at " + runUiUrl(dagId, runId));
            }
            sleep(pollInterval);
        }
    }

    /** Where the run is shown in the Airflow UI. */
    public String runUiUrl(String dagId, String runId) {
        return baseUrl + "/dags/" + pathSegment(dagId) + "/runs/" + pathSegment(runId);
    }

    // ---- task instances

    /** The task instance of a run ({@code state}, {@code try_number}, ...). */
    public JsonNode taskInstance(String dagId, String runId, String taskId) {
        String path = runPath(dagId, runId) + "/taskInstances/" + pathSegment(taskId);
        return requireSuccess(authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path), "GET " + path);
    }

    /**
     * The task's {@code return_value} XCom as text (a Bash task's last output line; for the fetch task, the
     * fetcher's summary line); empty when the task pushed none.
     */
    public Optional<String> xcomReturnValue(String dagId, String runId, String taskId) {
        String path = runPath(dagId, runId) + "/taskInstances/" + pathSegment(taskId) + "/xcomEntries/return_value";
        HttpResponse<String> response =
                authorized(HttpRequest.newBuilder(uri(path)).GET(), "GET " + path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode value = requireSuccess(response, "GET " + path).path("value");
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(textOf(value));
    }

    /**
     * The last lines of a task try's log, for failure messages; empty when Airflow does not give them.
     * Airflow 3 answers structured log records ({@code content: [{event, ...}]}), older versions text.
     */
    public List<String> taskLogTail(String dagId, String runId, String taskId, int tryNumber, int lines) {
        String path = runPath(dagId, runId) + "/taskInstances/" + pathSegment(taskId) + "/logs/" + tryNumber
                + "?full_content=true";
        try {
            HttpResponse<String> response = authorized(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "application/json")
                            .GET(),
                    "GET " + path);
            if (response.statusCode() != 200) {
                return List.of();
            }
            JsonNode content = JSON.readTree(response.body()).path("content");
            List<String> all = new ArrayList<>();
            if (content.isArray()) {
                content.forEach(record ->
                        all.add(record.isObject() ? record.path("event").asText("") : record.asText()));
            } else if (content.isTextual()) {
                all.addAll(List.of(content.asText().split("\n")));
            }
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (JsonProcessingException | StackException e) {
            return List.of();
        }
    }

    // ---- HTTP

    private String runPath(String dagId, String runId) {
        return "/api/v2/dags/" + pathSegment(dagId) + "/dagRuns/" + pathSegment(runId);
    }

    /** Percent-encodes one path segment: run ids hold ':' and '+' ("manual__2026-01-01T00:00:00+00:00"). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Sends with the token; on 401 (expired or from a restarted Airflow) fetches a new one and sends again. */
    private HttpResponse<String> authorized(HttpRequest.Builder request, String what) {
        String used = token();
        HttpResponse<String> response = send(request.copy().header("Authorization", "Bearer " + used), what);
        if (response.statusCode() == 401) {
            forgetToken(used);
            response = send(request.copy().header("Authorization", "Bearer " + token()), what);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Airflow at " + baseUrl + " did not answer " + what + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); is it running? ./pipeline status tells");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while calling Airflow (" + what + ")");
        }
    }

    private static JsonNode requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new AirflowApiException(
                    response.statusCode(),
                    "Airflow answered " + what + " with HTTP " + response.statusCode() + ": "
                            + detail(response.body()));
        }
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new StackException(
                    "Airflow answered " + what + " with something that is not JSON: " + abbreviate(response.body()));
        }
    }

    /** Airflow's explanation of an error: {@code detail} as text, or a validation error's messages. */
    static String detail(String body) {
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (detail.isTextual()) {
                // A rejected Param's detail is its reason on the first line, then the whole schema that failed.
                return detail.asText().strip().lines().findFirst().orElse("").strip();
            }
            if (detail.isArray()) {
                List<String> messages = new ArrayList<>();
                for (JsonNode item : detail) {
                    String location = item.has("loc") ? String.join(".", textsOf(item.path("loc"))) + ": " : "";
                    messages.add(location + item.path("msg").asText(item.toString()));
                }
                return String.join("; ", messages);
            }
            if (!detail.isMissingNode()) {
                return detail.toString();
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: the body itself is the best explanation there is
        }
        return abbreviate(body);
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A JSON string XCom may come back still serialized ("\"summary: ...\""): unwrap it once. */
    private static String textOf(JsonNode value) {
        if (!value.isTextual()) {
            return value.toString();
        }
        String text = value.asText();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try {
                JsonNode inner = JSON.readTree(text);
                if (inner.isTextual()) {
                    return inner.asText();
                }
            } catch (JsonProcessingException e) {
                // not serialized after all
            }
        }
        return text;
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for an Airflow DAG run");
        }
    }
}
