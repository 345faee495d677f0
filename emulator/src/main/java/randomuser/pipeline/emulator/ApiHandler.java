package randomuser.pipeline.emulator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /api/} and {@code GET /api/1.4/} like the live API, or the fault a request asks
 * for ({@code fault=...}) or the {@link FaultPlan} has queued. A fault applies to any {@code /api}
 * path, as a CDN in front of the server would fail before routing.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern API_PATH = Pattern.compile("/api(?:/([^/]+))?/?");
    private static final int BUFFER = 64 * 1024;

    private final FaultPlan plan;
    private final EmulatorStats stats;
    private final FaultResponder faults;
    private final boolean gzipEnabled;

    ApiHandler(FaultPlan plan, EmulatorStats stats, boolean gzipEnabled) {
        this.plan = plan;
        this.stats = stats;
        this.faults = new FaultResponder(stats);
        this.gzipEnabled = gzipEnabled;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("failed to serve {}", exchange.getRequestURI(), e);
            try {
                HttpReplies.send(exchange, 500, HttpReplies.TEXT, "Internal Server Error");
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent; the client sees a cut response
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        stats.apiRequest();
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            HttpReplies.notFound(exchange);
            return;
        }
        Map<String, String> params =
                QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        Optional<Fault> fault;
        try {
            Optional<Fault> requested = Fault.fromParameters(params);
            // fault=none asks for a normal response and leaves the plan for the next request
            fault = requested.isPresent() || Fault.explicitlyNone(params) ? requested : plan.next();
        } catch (IllegalArgumentException e) {
            HttpReplies.send(exchange, 400, HttpReplies.TEXT, e.getMessage());
            return;
        }
        if (fault.isPresent()) {
            stats.faultServed();
            if (faults.answerBeforeRouting(exchange, fault.get(), params)) {
                return;
            }
        }

        Matcher path = API_PATH.matcher(exchange.getRequestURI().getRawPath());
        if (!path.matches() || (path.group(1) != null && !path.group(1).equals(ResponseGenerator.VERSION))) {
            HttpReplies.notFound(exchange);
            return;
        }
        Query query = Query.fromParameters(params);
        if (query.format().equals("csv")
                || query.format().equals("yaml")
                || query.format().equals("xml")) {
            HttpReplies.send(
                    exchange,
                    501,
                    HttpReplies.TEXT,
                    "format=" + query.format() + " is not emulated; use json (default), pretty or prettyjson");
            return;
        }
        stats.usersRequested(query.results());
        ResponseGenerator.Page page = ResponseGenerator.Page.of(query);
        FaultType type = fault.map(Fault::type).orElse(null);
        int users = type == FaultType.EMPTY ? 0 : type == FaultType.SHORT ? query.results() / 2 : query.results();

        ByteArrayOutputStream json = new ByteArrayOutputStream(users * 1200 + 256);
        ResponseGenerator.write(page, users, json);
        byte[] body = json.toByteArray();
        if (type == FaultType.MALFORMED) {
            body = Arrays.copyOf(body, FaultResponder.utf8Boundary(body, body.length / 2));
        }
        long stallMillis = type == FaultType.STALL ? fault.get().delayMillis() : 0;
        send(exchange, query, body, stallMillis);
        stats.usersServed(users);
    }

    /**
     * Sends a complete body with its Content-Length. The body is rendered in memory first: the JDK server
     * writes a streamed (chunked) body in 4 KB chunks, one system call or more each, which costs more
     * than generating the users; a fixed-length body goes out in 64 KB writes.
     */
    private void send(HttpExchange exchange, Query query, byte[] json, long stallMillis) throws IOException {
        boolean gzip = setJsonHeaders(exchange, query, gzipEnabled);
        byte[] body = gzip ? gzip(json) : json;
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), BUFFER)) {
            int half = stallMillis > 0 ? body.length / 2 : body.length;
            out.write(body, 0, half);
            if (stallMillis > 0) {
                out.flush();
                FaultResponder.pause(stallMillis);
                out.write(body, half, body.length - half);
            }
        }
    }

    /** gzip at the fastest level: the emulator must not be the bottleneck of a benchmark. */
    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    /** Sets the live headers; returns whether the body is gzip-compressed. */
    private static boolean setJsonHeaders(HttpExchange exchange, Query query, boolean gzipEnabled) {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", HttpReplies.JSON);
        headers.set("Cache-Control", "no-cache");
        headers.set("Access-Control-Allow-Origin", "*");
        if (query.download()) {
            headers.set("Content-Disposition", "attachment; filename=download.json");
        }
        boolean gzip = gzipEnabled && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
            headers.set("Vary", "Accept-Encoding");
        }
        return gzip;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].strip().matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
