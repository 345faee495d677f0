package randomuser.pipeline.emulator;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Serves the faults that replace a response, and the pause of the slow ones. */
final class FaultResponder {

    static final String ERROR_MESSAGE =
            "Uh oh, something has gone wrong. Please tweet us @randomapi about the issue. Thank you.";
    /** The live per-IP budget; a 429 always reports at least this many users. */
    static final long RATE_LIMIT_USERS = 20_000;

    private final EmulatorStats stats;

    FaultResponder(EmulatorStats stats) {
        this.stats = stats;
    }

    /**
     * Answers the request if the fault replaces the response, returning true; for the faults that
     * shape a normal response (slow, empty, short, malformed, stall) it returns false, after the pause
     * of {@code slow}.
     */
    boolean answerBeforeRouting(HttpExchange exchange, Fault fault, Map<String, String> params) throws IOException {
        switch (fault.type()) {
            case RATE_LIMITED -> {
                long requested = Math.max(RATE_LIMIT_USERS, stats.usersRequested());
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                HttpReplies.send(
                        exchange,
                        429,
                        HttpReplies.JSON,
                        "{\"error\":"
                                + HttpReplies.quote(
                                        "Whoa, ease up there cowboy. You've requested " + requested
                                                + " users in the last minute."
                                                + " Help us keep this service free and spare some bandwidth for other users please :)")
                                + "}");
                return true;
            }
            case INTERNAL_SERVER_ERROR -> {
                html(exchange, 500, "nginx", ErrorPages.nginx(500, "Internal Server Error"));
                return true;
            }
            case SERVICE_UNAVAILABLE -> {
                html(exchange, 503, "nginx", ErrorPages.nginx(503, "Service Temporarily Unavailable"));
                return true;
            }
            case BAD_GATEWAY -> {
                html(exchange, 502, "cloudflare", ErrorPages.cloudflare(502, "Bad gateway", rayId()));
                return true;
            }
            case GATEWAY_TIMEOUT -> {
                html(exchange, 504, "cloudflare", ErrorPages.cloudflare(504, "Gateway time-out", rayId()));
                return true;
            }
            case ERROR_BODY -> {
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                HttpReplies.send(
                        exchange,
                        fault.errorStatus(),
                        HttpReplies.JSON,
                        "{\"error\":" + HttpReplies.quote(ERROR_MESSAGE) + "}");
                return true;
            }
            case DISCONNECT -> {
                // closing an exchange before its headers are sent drops the connection
                exchange.close();
                return true;
            }
            case SLOW -> {
                pause(fault.delayMillis());
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static void html(HttpExchange exchange, int status, String server, String body) throws IOException {
        exchange.getResponseHeaders().set("Server", server);
        HttpReplies.send(exchange, status, "text/html; charset=UTF-8", body);
    }

    private String rayId() {
        return String.format("%016x", SeededRandom.mix64(stats.apiRequests()));
    }

    static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying a response", e);
        }
    }

    /** The largest index at or below {@code at} that does not split a UTF-8 sequence. */
    static int utf8Boundary(byte[] bytes, int at) {
        int i = at;
        while (i > 0 && i < bytes.length && (bytes[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }
}
