package randomuser.pipeline.stack.airflow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Airflow's REST API on an ephemeral port: answers are scripted per "METHOD raw-path", and
 * every request is recorded. Tokens are "token-1", "token-2", ...; a request with a revoked token gets 401.
 */
final class FakeAirflow implements AutoCloseable {
    record Request(String method, String rawPath, String authorization, String contentType, String body) {}

    record Answer(int status, String body) {}

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private int tokensIssued;
    private String revokedToken;

    FakeAirflow() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers in turn; the last one repeats. */
    synchronized FakeAirflow on(String methodAndRawPath, Answer... inTurn) {
        answers.put(methodAndRawPath, new ArrayDeque<>(List.of(inTurn)));
        return this;
    }

    synchronized void revoke(String token) {
        revokedToken = token;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsTo(String methodAndRawPath) {
        return requests().stream()
                .filter(r -> (r.method() + " " + r.rawPath()).equals(methodAndRawPath))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(
                exchange.getRequestMethod(),
                rawPath,
                authorization,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        Answer answer = answer(exchange.getRequestMethod() + " " + rawPath, authorization);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Answer answer(String key, String authorization) {
        if (key.equals("POST /auth/token") && !answers.containsKey(key)) {
            tokensIssued++;
            return new Answer(201, "{\"access_token\": \"token-" + tokensIssued + "\", \"token_type\": \"bearer\"}");
        }
        if (revokedToken != null && ("Bearer " + revokedToken).equals(authorization)) {
            return new Answer(401, "{\"detail\": \"Invalid JWT token\"}");
        }
        Deque<Answer> scripted = answers.get(key);
        if (scripted == null) {
            return new Answer(404, "{\"detail\": \"no scripted answer for " + key + "\"}");
        }
        return scripted.size() > 1 ? scripted.poll() : scripted.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
