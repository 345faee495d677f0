package randomuser.pipeline.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures users per second served over HTTP: warm-up requests, then timed rounds of
 * {@code --concurrency} parallel requests of {@code --results} users each (a new page every request,
 * so nothing is cached), reporting the median round. Not a test: run it by hand.
 *
 * <pre>java -cp emulator/target/emulator.jar randomuser.pipeline.emulator.EmulatorBenchmark</pre>
 */
@Command(
        name = "emulator-benchmark",
        mixinStandardHelpOptions = true,
        description = "Users/s served by the Random User API emulator at results=5000.")
public final class EmulatorBenchmark implements Callable<Integer> {

    @Option(names = "--url", description = "Base URL of a running emulator; default: start one in this JVM.")
    String url;

    @Option(names = "--results", defaultValue = "5000", description = "Users per request (default ${DEFAULT-VALUE}).")
    int results;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed warm-up rounds (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "11", description = "Timed rounds (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--concurrency",
            defaultValue = "1",
            description = "Parallel requests per round (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--gzip", description = "Ask for gzip, as okhttp does by default.")
    boolean gzip;

    private boolean local() {
        return url == null;
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private int page;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new EmulatorBenchmark());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            Throwable cause =
                    e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            command.getErr()
                    .println("emulator-benchmark: "
                            + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RandomUserEmulator local = url == null ? RandomUserEmulator.start("127.0.0.1", 0) : null;
        String base = local != null ? local.baseUrl() : url.replaceAll("/+$", "");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int i = 0; i < warmup; i++) {
                round(pool, base);
            }
            List<Round> rounds = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                rounds.add(round(pool, base));
            }
            report(rounds);
            return 0;
        } finally {
            pool.shutdownNow();
            if (local != null) {
                local.close();
            }
        }
    }

    private record Round(double seconds, long bytes, int users, double cpuSeconds) {
        double usersPerSecond() {
            return users / seconds;
        }
    }

    private Round round(ExecutorService pool, String base) throws Exception {
        List<Future<Long>> requests = new ArrayList<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            URI uri = URI.create(base + "/api/1.4/?results=" + results + "&seed=benchmark&page=" + (++page));
            requests.add(pool.submit(() -> fetch(uri)));
        }
        long bytes = 0;
        for (Future<Long> request : requests) {
            bytes += request.get();
        }
        return new Round(
                (System.nanoTime() - start) / 1e9, bytes, results * concurrency, (processCpuNanos() - cpuStart) / 1e9);
    }

    /** Reads the whole body and returns its size on the wire. */
    private long fetch(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot connect to " + uri.getHost() + ":" + uri.getPort(), e);
        }
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return bytes;
    }

    /** CPU time of this JVM (server and client when the emulator runs in-process), or -1 if unknown. */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private void report(List<Round> rounds) {
        List<Round> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a.usersPerSecond(), b.usersPerSecond()));
        Round median = sorted.get(sorted.size() / 2);
        List<Double> all = new ArrayList<>();
        rounds.forEach(r -> all.add(r.usersPerSecond()));
        double cpuSeconds = rounds.stream().mapToDouble(Round::cpuSeconds).sum();
        int users = rounds.stream().mapToInt(Round::users).sum();
        System.out.printf(
                Locale.ROOT,
                "emulator benchmark: results=%d concurrency=%d gzip=%s warm-up=%d runs=%d (%s, %d CPUs)%n"
                        + "median: %.0f users/s, %.1f MB/s on the wire, %.1f ms per round (min %.0f, max %.0f users/s)%n"
                        + "CPU: %.0f users per CPU-second of this JVM%s%n",
                results,
                concurrency,
                gzip,
                warmup,
                runs,
                local() ? "in-process emulator" : url,
                Runtime.getRuntime().availableProcessors(),
                median.usersPerSecond(),
                median.bytes() / median.seconds() / 1e6,
                median.seconds() * 1000,
                Collections.min(all),
                Collections.max(all),
                users / cpuSeconds,
                local() ? " (server and client together)" : " (client only)");
    }
}
