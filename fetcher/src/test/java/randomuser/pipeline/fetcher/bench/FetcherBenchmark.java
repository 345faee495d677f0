package randomuser.pipeline.fetcher.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import org.apache.kafka.tools.ProducerPerformance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.emulator.RandomUserEmulator;
import randomuser.pipeline.fetcher.api.ApiSettings;
import randomuser.pipeline.fetcher.api.ApiVersion;
import randomuser.pipeline.fetcher.api.RetryPolicy;
import randomuser.pipeline.fetcher.api.Sleeper;
import randomuser.pipeline.fetcher.api.UserQuery;
import randomuser.pipeline.fetcher.cli.FetchApplication;
import randomuser.pipeline.fetcher.cli.FetcherEnvironment;
import randomuser.pipeline.fetcher.kafka.KafkaTarget;
import randomuser.pipeline.fetcher.kafka.ProducerSettings;
import randomuser.pipeline.fetcher.kafka.TopicPrefix;
import randomuser.pipeline.fetcher.kafka.TopicProvisioner;
import randomuser.pipeline.fetcher.run.FetchConfig;
import randomuser.pipeline.fetcher.run.RunReport;

/**
 * Benchmark, not a test: the fetcher's throughput (API → six topics) and, in the same JVM against the same
 * cluster, Kafka's own ProducerPerformance sending as many records of the fetcher's own values (payload file
 * made from one fetched page) with the fetcher's producer settings; then their ratio. Both are warmed up
 * first, then measured {@code --runs} times, alternating, and the medians are compared (the machine is
 * shared and noisy). Writes to throw-away {@code bench-<time>.} topics (same partitions, RF 3, min ISR 2),
 * deleted at the end, so the pipeline's topics stay untouched. Run it with {@code fetcher/bench/run-benchmark.sh}.
 */
@Command(name = "fetcher-benchmark", mixinStandardHelpOptions = true)
public final class FetcherBenchmark implements Callable<Integer> {

    private static final Pattern PERF_SUMMARY =
            Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*50th.*");
    /** The emulator's request threads when it runs in this JVM (its default). */
    private static final int EMULATOR_THREADS = 16;

    @Option(
            names = "--api-url",
            defaultValue = "${env:RANDOMUSER_API_URL}",
            description = "API base URL (env RANDOMUSER_API_URL); default: an in-process emulator without gzip.")
    String apiUrl;

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292}",
            description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS). Default: the local stack's.")
    String bootstrapServers;

    @Option(names = "--results", defaultValue = "5000")
    int results;

    /**
     * 200,000 users a run. Even with runs this long and as long a warm-up, the C2 compiler's thread used 2.1, 1.3
     * and 0.4 s of CPU during measured runs 1-3 (of about 5 s each); runs of 10 pages (about 1.5 s) fell within
     * that compiling and timed the JIT as much as the fetcher.
     */
    @Option(names = "--pages", defaultValue = "40")
    int pages;

    /** A full run's worth by default: with fewer, the JIT is still compiling the mapping during the first runs. */
    @Option(
            names = "--warmup-pages",
            defaultValue = "40",
            description = "Pages fetched before measuring; ProducerPerformance warms up with as many records.")
    int warmupPages;

    @Option(names = "--concurrency", defaultValue = "2")
    int concurrency;

    @Option(names = "--partitions", defaultValue = "3")
    int partitions;

    /** Five: on these shared cores one run's ratio ranged from 0.54 to 0.77 within the same minute. */
    @Option(names = "--runs", defaultValue = "5", description = "Measured runs of each side; medians are compared.")
    int runs;

    @Option(names = "--topic-prefix", description = "Prefix of the throw-away topics. Default: bench-<millis>.")
    String topicPrefix;

    @Option(
            names = "--live-api",
            description = "Have the API generate every page the fetcher asks for. Default: "
                    + "each page is generated once, recorded, and served again from memory (RecordedApi), so the API's own "
                    + "work on these two cores is not timed as the fetcher's.")
    boolean liveApi;

    /** One measured run of either side. */
    private record Figures(double recordsPerSecond, double megabytesPerSecond, double usersPerSecond) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new FetcherBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be at least 1, got " + runs);
        }
        String prefix = topicPrefix != null ? topicPrefix : "bench-" + System.currentTimeMillis() + ".";
        TopicPrefix.problem(prefix).ifPresent(problem -> {
            throw new CommandLine.ParameterException(new CommandLine(this), "--topic-prefix " + problem);
        });
        String servers = bootstrapServers;
        String url = apiUrl == null || apiUrl.isBlank() ? null : apiUrl;
        RandomUserEmulator emulator = url == null
                ? RandomUserEmulator.start(new RandomUserEmulator.Settings("127.0.0.1", 0, EMULATOR_THREADS, false))
                : null;
        String generating = url != null ? url : emulator.baseUrl();
        RecordedApi recorded = null;
        String perfTopic = prefix + "producer-performance";
        try {
            String api = generating;
            if (!liveApi) {
                int recordedPages = Math.max(pages, warmupPages);
                say("recording " + recordedPages + " pages x " + results + " users from " + generating);
                recorded = RecordedApi.record(generating, results, recordedPages, "bench-recorded");
                api = recorded.baseUrl();
            }
            say("api " + api
                    + (recorded != null
                            ? " (pages recorded from " + generating + ", served from memory)"
                            : emulator != null ? " (in-process emulator, no gzip)" : "")
                    + ", brokers " + servers
                    + ", topics " + prefix + "*");
            say("fetcher warm-up: " + warmupPages + " pages x " + results + " users");
            fetch(api, servers, prefix, warmupPages, "bench-warmup", false, System.err);

            Path payloads = payloadFile(api, servers, prefix);
            try (TopicProvisioner provisioner = TopicProvisioner.connect(servers, Duration.ofSeconds(30))) {
                provisioner.ensureTopics(List.of(perfTopic), partitions);
            }
            long warmupRecords = (long) warmupPages * results * Facet.values().length;
            say("ProducerPerformance warm-up: " + warmupRecords + " records");
            producerPerformance(perfTopic, warmupRecords, payloads, servers);

            List<Figures> fetcherRuns = new ArrayList<>();
            List<Figures> perfRuns = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                say("run " + run + "/" + runs + ", fetcher: " + pages + " pages x " + results + " users, concurrency "
                        + concurrency);
                RunReport fetcher = fetch(api, servers, prefix, pages, "bench-run-" + run, false, System.err);
                if (!fetcher.succeeded()) {
                    say("the fetcher run failed; no comparison");
                    return 1;
                }
                long records = fetcher.delivery().acked();
                Figures fetched = new Figures(
                        records / fetcher.seconds(),
                        fetcher.delivery().ackedBytes() / 1024.0 / 1024.0 / fetcher.seconds(),
                        fetcher.usersPerSecond());
                fetcherRuns.add(fetched);
                say(String.format(
                        Locale.ROOT,
                        "run %d fetcher: %.0f users/s, %.0f records/s, %.2f MB/s (%d users, "
                                + "%d records, avg %d bytes key+value, %.2f s)",
                        run,
                        fetched.usersPerSecond(),
                        fetched.recordsPerSecond(),
                        fetched.megabytesPerSecond(),
                        fetcher.users(),
                        records,
                        fetcher.delivery().ackedBytes() / Math.max(records, 1),
                        fetcher.seconds()));

                say("run " + run + "/" + runs + ", ProducerPerformance: " + records + " records");
                double[] perf = producerPerformance(perfTopic, records, payloads, servers);
                perfRuns.add(new Figures(perf[1], perf[2], 0));
                say(String.format(
                        Locale.ROOT,
                        "run %d ProducerPerformance: %.0f records/s, %.2f MB/s (%d records); "
                                + "run %d ratio fetcher / ProducerPerformance: %.2f (records/s)",
                        run,
                        perf[1],
                        perf[2],
                        (long) perf[0],
                        run,
                        fetched.recordsPerSecond() / perf[1]));
            }

            double fetcherRecords = median(fetcherRuns, Figures::recordsPerSecond);
            double fetcherMegabytes = median(fetcherRuns, Figures::megabytesPerSecond);
            double perfRecords = median(perfRuns, Figures::recordsPerSecond);
            double perfMegabytes = median(perfRuns, Figures::megabytesPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "median of %d runs, fetcher:             %.0f users/s, %.0f records/s, " + "%.2f MB/s%n",
                    runs,
                    median(fetcherRuns, Figures::usersPerSecond),
                    fetcherRecords,
                    fetcherMegabytes);
            System.out.printf(
                    Locale.ROOT,
                    "median of %d runs, ProducerPerformance: %.0f records/s, %.2f MB/s%n",
                    runs,
                    perfRecords,
                    perfMegabytes);
            System.out.printf(
                    Locale.ROOT,
                    "ratio of the medians, fetcher / ProducerPerformance: %.2f (records/s), " + "%.2f (MB/s)%n",
                    fetcherRecords / perfRecords,
                    fetcherMegabytes / perfMegabytes);
            System.out.println("(MB = MiB as ProducerPerformance counts it; the fetcher's bytes include the 36-byte"
                    + " key, ProducerPerformance sends none, so records/s is the like-for-like ratio)");
            return 0;
        } finally {
            try (TopicProvisioner provisioner = TopicProvisioner.connect(servers, Duration.ofSeconds(30))) {
                List<String> created = new ArrayList<>(Arrays.stream(Facet.values())
                        .map(facet -> prefix + facet.topic())
                        .toList());
                created.add(perfTopic);
                provisioner.deleteTopics(created);
                say("deleted topics " + String.join(", ", created));
            }
            if (recorded != null) {
                recorded.close();
            }
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private RunReport fetch(
            String api, String servers, String prefix, int pageCount, String seed, boolean dryRun, PrintStream stdout)
            throws InterruptedException {
        UserQuery query = new UserQuery(
                ApiVersion.DEFAULT, results, Optional.of(seed), List.of(), Optional.empty(), List.of(), List.of());
        ApiSettings apiSettings = new ApiSettings(
                HttpUrl.get(api),
                Duration.ofSeconds(10),
                Duration.ofSeconds(120),
                concurrency,
                RetryPolicy.of(5, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        KafkaTarget kafka = new KafkaTarget(servers, prefix, partitions, Duration.ofSeconds(30));
        FetchConfig config =
                new FetchConfig("bench-" + seed, query, pageCount, Optional.empty(), apiSettings, kafka, dryRun);
        FetcherEnvironment environment = new FetcherEnvironment(
                System.getenv(), System.in, stdout, System.err, Sleeper.SYSTEM, Clock.systemUTC());
        return new FetchApplication(config, environment).execute();
    }

    /** One page of the fetcher's real values, one JSON per line: ProducerPerformance's payloads. */
    private Path payloadFile(String api, String servers, String prefix) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fetch(api, servers, prefix, 1, "bench-payload", true, new PrintStream(out, true, StandardCharsets.UTF_8));
        ObjectMapper mapper = new ObjectMapper();
        List<String> values = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            values.add(mapper.writeValueAsString(mapper.readTree(line).get("value")));
        }
        Path file = Files.createTempFile("fetcher-bench-payloads", ".jsonl");
        file.toFile().deleteOnExit();
        Files.write(file, values, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs ProducerPerformance in this JVM; returns {records, records/s, MB/s} of its summary line. */
    private static double[] producerPerformance(String topic, long records, Path payloads, String servers)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--payload-file",
                payloads.toString(),
                "--throughput",
                "-1",
                "--producer-props"));
        ProducerSettings.shared(servers).forEach((key, value) -> args.add(key + "=" + value));
        say("ProducerPerformance " + String.join(" ", args));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher matcher = PERF_SUMMARY.matcher(line.trim());
            if (matcher.matches()) {
                return new double[] {
                    Double.parseDouble(matcher.group(1)),
                    Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3))
                };
            }
        }
        throw new IllegalStateException("no summary line in ProducerPerformance's output");
    }

    private static double median(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void say(String line) {
        System.out.println("[" + Instant.now() + "] " + line);
    }

    /** Writes to two streams: the console, and a buffer to parse. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
