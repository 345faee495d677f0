package randomuser.pipeline.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Random User API emulator (JDK HTTP server on a fixed-size thread pool).
 *
 * <pre>{@code
 * try (RandomUserEmulator api = RandomUserEmulator.start("127.0.0.1", 0)) {
 *     String url = api.baseUrl() + "/api/1.4/?results=10&seed=abc";
 *     api.faults().add(Fault.of(FaultType.SERVICE_UNAVAILABLE), 2);  // the next two requests get 503
 * }
 * }</pre>
 */
public final class RandomUserEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RandomUserEmulator.class);
    /** Enough threads for a few concurrent slow faults besides the CPU-bound generation. */
    public static final int DEFAULT_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultPlan faults = new FaultPlan();
    private final EmulatorStats stats = new EmulatorStats();
    private final String baseUrl;

    /**
     * How to run an emulator.
     *
     * @param host    address to bind
     * @param port    port to bind, 0 for any free one
     * @param threads request threads
     * @param gzip    compress bodies for clients that accept gzip (as live); off saves CPU in benchmarks
     */
    public record Settings(String host, int port, int threads, boolean gzip) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /** {@link #DEFAULT_THREADS} threads, gzip on. */
        public static Settings of(String host, int port) {
            return new Settings(host, port, DEFAULT_THREADS, true);
        }
    }

    private RandomUserEmulator(Settings settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
        executor = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        server.setExecutor(executor);
        server.createContext("/api", new ApiHandler(faults, stats, settings.gzip()));
        server.createContext("/admin", new AdminHandler(faults, stats));
        server.createContext("/", exchange -> {
            try (exchange) {
                HttpReplies.notFound(exchange);
            }
        });
        String host = settings.host();
        String printableHost = host.contains(":") ? "[" + host + "]" : host;
        baseUrl = "http://" + printableHost + ":" + server.getAddress().getPort();
    }

    /**
     * Starts an emulator on {@code host}:{@code port} ({@code port} 0 picks a free port) with
     * {@link #DEFAULT_THREADS} threads and gzip. Builds the data pools first, so the first request is fast.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static RandomUserEmulator start(String host, int port) {
        return start(Settings.of(host, port));
    }

    /** As {@link #start(String, int)}, with explicit settings. */
    public static RandomUserEmulator start(Settings settings) {
        NationalityPools.preload();
        RandomUserEmulator emulator;
        try {
            emulator = new RandomUserEmulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        emulator.server.start();
        LOG.info(
                "Random User API emulator listening on {} (API {} at /api/ and /api/{}/; {} threads, gzip {})",
                emulator.baseUrl,
                ResponseGenerator.VERSION,
                ResponseGenerator.VERSION,
                settings.threads(),
                settings.gzip() ? "on" : "off");
        return emulator;
    }

    /** {@code http://host:port}, without a trailing slash; the API is at {@code baseUrl() + "/api/1.4/"}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The queue of faults for the next API requests (the same one {@code /admin/faults} edits). */
    public FaultPlan faults() {
        return faults;
    }

    public EmulatorStats stats() {
        return stats;
    }

    /** Stops at once: open connections are closed, delayed responses are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Random User API emulator on {} stopped", baseUrl);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "emulator-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
