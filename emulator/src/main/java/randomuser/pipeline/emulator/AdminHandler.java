package randomuser.pipeline.emulator;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The admin endpoints:
 * <ul>
 *   <li>{@code POST /admin/faults?fault=503&count=2[&retry_after=..][&delay_ms=..][&error_status=..]}:
 *       queue a fault for the next {@code count} API requests (default 1; negative = until cleared);</li>
 *   <li>{@code GET /admin/faults}: the queued steps; {@code DELETE /admin/faults}: clear them;</li>
 *   <li>{@code GET /admin/stats}: request and user counters; {@code GET /admin/health}: liveness.</li>
 * </ul>
 */
final class AdminHandler implements HttpHandler {

    private final FaultPlan plan;
    private final EmulatorStats stats;

    AdminHandler(FaultPlan plan, EmulatorStats stats) {
        this.plan = plan;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            switch (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) {
                case "/admin/faults" -> faults(exchange, method);
                case "/admin/stats" -> readOnly(exchange, method, stats.toJson());
                case "/admin/health" ->
                    readOnly(exchange, method, "{\"status\":\"UP\",\"version\":\"" + ResponseGenerator.VERSION + "\"}");
                default -> HttpReplies.notFound(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private void faults(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> HttpReplies.send(exchange, 200, HttpReplies.JSON, planJson());
            case "DELETE" -> {
                plan.clear();
                HttpReplies.send(exchange, 200, HttpReplies.JSON, planJson());
            }
            case "POST", "PUT" -> add(exchange);
            default -> notAllowed(exchange, "GET, POST, DELETE");
        }
    }

    private void add(HttpExchange exchange) throws IOException {
        Map<String, String> params =
                QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        try {
            Optional<Fault> fault = Fault.fromParameters(params);
            if (fault.isEmpty()) {
                throw new IllegalArgumentException("give the fault to queue: fault="
                        + FaultType.allCodes().replace(", ", "|") + " [&count=N] (N < 0: until DELETE /admin/faults)");
            }
            int count = count(params.getOrDefault("count", "1"));
            plan.add(fault.get(), count);
        } catch (IllegalArgumentException e) {
            HttpReplies.send(exchange, 400, HttpReplies.TEXT, e.getMessage());
            return;
        }
        HttpReplies.send(exchange, 200, HttpReplies.JSON, planJson());
    }

    private static int count(String value) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count == 0) {
                throw new IllegalArgumentException("count must be positive, or negative for 'until cleared'");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count must be an integer, got '" + value + "'");
        }
    }

    private void readOnly(HttpExchange exchange, String method, String json) throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) {
            HttpReplies.send(exchange, 200, HttpReplies.JSON, json);
        } else {
            notAllowed(exchange, "GET");
        }
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        HttpReplies.send(exchange, 405, HttpReplies.TEXT, "Method Not Allowed; use " + allowed);
    }

    private String planJson() {
        return plan.steps().stream()
                .map(step ->
                        "{\"fault\":" + HttpReplies.quote(step.fault().type().code())
                                + ",\"remaining\":" + Math.max(step.remaining(), 0)
                                + ",\"until_cleared\":" + step.untilCleared()
                                + ",\"retry_after\":" + step.fault().retryAfterSeconds()
                                + ",\"delay_ms\":" + step.fault().delayMillis()
                                + ",\"error_status\":" + step.fault().errorStatus() + "}")
                .collect(Collectors.joining(",", "{\"steps\":[", "]}"));
    }
}
