package randomuser.pipeline.fetcher.bench;

import static com.mongodb.client.model.Filters.in;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.api.Sleeper;
import randomuser.pipeline.fetcher.cli.FetcherCli;
import randomuser.pipeline.fetcher.cli.FetcherEnvironment;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.airflow.PipelineDags;
import randomuser.pipeline.stack.report.LatencySummary;
import randomuser.pipeline.testsupport.Sleep;

/**
 * Benchmark, not a test: how fresh the data is under sustained load on the running local stack. Every
 * {@code --tick-seconds} it runs the fetcher (its command line, in this JVM so that a JVM start per tick does not
 * take the stack's CPU) for rate x tick users from the stack's emulator into the six topics, for
 * {@code --minutes}; meanwhile it samples each streaming job's backlog. Then it waits for every document, reads
 * each one's {@code fetched_at}, {@code _ingest.kafka_ts} and {@code _ingest.written_at}, and prints per
 * collection the percentiles (nearest rank) of fetch→visible and Kafka→visible, the largest backlog, and the
 * documents per second achieved. With {@code --find-max} it then tries higher (or lower) rates for
 * {@code --step-minutes} each and prints the highest rate whose Kafka→visible p99 stays within
 * {@code --p99-target}. The scheduled ingest DAG is paused meanwhile (and put back), and the benchmark's own
 * users are deleted at the end. Run it with {@code bench/freshness}.
 */
@Command(name = "freshness-benchmark", mixinStandardHelpOptions = true)
public final class FreshnessBenchmark implements Callable<Integer> {
    /** The API's own ceiling on users per page. */
    private static final int MAX_RESULTS_PER_PAGE = 5000;

    private static final Duration BACKLOG_SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final Duration DRAIN_STALL_TIMEOUT = Duration.ofMinutes(3);
    private static final int MAX_SEARCH_STEPS = 5;
    private static final int SEARCH_RESOLUTION = 25;
    private static final double SEARCH_FACTOR = 1.5;
    private static final int WARM_UP_RUNS = 3;
    private static final int WARM_UP_USERS = 1000;
    /** A rate is kept when the users produced reach this share of rate x duration. */
    private static final double KEPT_PACE_SHARE = 0.95;

    @Option(names = "--rate", defaultValue = "200", description = "Users per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--minutes",
            defaultValue = "5",
            description = "How long to keep the rate (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(
            names = "--tick-seconds",
            defaultValue = "5",
            description = "One fetcher run of rate x tick users every tick (default ${DEFAULT-VALUE}).")
    int tickSeconds;

    @Option(names = "--find-max", description = "Then search the highest rate that keeps the p99 target.")
    boolean findMax;

    @Option(
            names = "--step-minutes",
            defaultValue = "2",
            description = "How long each rate of the search runs (default ${DEFAULT-VALUE}).")
    double stepMinutes;

    @Option(
            names = "--p99-target-ms",
            defaultValue = "5000",
            description = "Kafka→visible p99 a sustainable rate keeps, in ms (default ${DEFAULT-VALUE}).")
    long p99TargetMs;

    private LocalStack stack;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FreshnessBenchmark()).execute(args));
    }

    /** What one rate gave; the worst p99 is that of the collection with the highest Kafka→visible p99. */
    private record Outcome(
            int rate,
            double usersPerSecondAchieved,
            long users,
            long worstKafkaP99Ms,
            String worstCollection,
            long largestBacklog,
            double documentsPerSecond,
            boolean keptPace) {
        boolean sustainable(long p99TargetMs) {
            return keptPace && users > 0 && worstKafkaP99Ms <= p99TargetMs;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || tickSeconds < 1 || minutes <= 0 || stepMinutes <= 0) {
            System.err.println(
                    "freshness-benchmark: --rate, --tick-seconds, --minutes and --step-minutes must be positive");
            return 2;
        }
        stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
        boolean wasPaused = stack.airflowClient()
                .dag(PipelineDags.INGEST)
                .map(dag -> dag.path("is_paused").asBoolean())
                .orElse(true);
        stack.pauseScheduledIngest();
        // Interrupted (Ctrl-C), the scheduled ingest is put back all the same.
        Thread restore = new Thread(
                () -> {
                    if (!wasPaused) {
                        stack.resumeScheduledIngest();
                    }
                },
                "restore-scheduled-ingest");
        Runtime.getRuntime().addShutdownHook(restore);
        System.out.printf(
                Locale.ROOT,
                "freshness: %s paused while it runs; the jobs' trigger interval and "
                        + "maxOffsetsPerTrigger as the stack starts them; fetcher runs every %d s%n",
                PipelineDags.INGEST,
                tickSeconds);
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            warmUp(client);
            awaitNoBacklog();
            Outcome main = measure(client, rate, Duration.ofMillis((long) (minutes * 60_000)));
            if (findMax) {
                search(client, main);
            }
            return 0;
        } finally {
            Runtime.getRuntime().removeShutdownHook(restore);
            restore.run();
        }
    }

    /**
     * Up (x1.5) from a sustainable rate until one is not, or down (÷1.5) from one that is not until one is; then
     * halves the gap between the highest sustainable and the lowest unsustainable rate while steps are left.
     */
    private void search(MongoClient client, Outcome first) {
        Duration step = Duration.ofMillis((long) (stepMinutes * 60_000));
        Outcome best = first.sustainable(p99TargetMs) ? first : null;
        int lowestFailing = best == null ? first.rate() : Integer.MAX_VALUE;
        for (int i = 0; i < MAX_SEARCH_STEPS; i++) {
            int next;
            if (best == null) {
                next = (int) Math.floor(lowestFailing / SEARCH_FACTOR);
            } else if (lowestFailing == Integer.MAX_VALUE) {
                next = (int) Math.ceil(best.rate() * SEARCH_FACTOR);
            } else {
                next = (best.rate() + lowestFailing) / 2;
            }
            // Closer than this is within the noise of one short run.
            if (next < 1
                    || (best != null && next - best.rate() < SEARCH_RESOLUTION)
                    || lowestFailing - next < SEARCH_RESOLUTION) {
                break;
            }
            awaitNoBacklog();
            Outcome outcome = measure(client, next, step);
            if (outcome.sustainable(p99TargetMs)) {
                best = outcome;
            } else {
                lowestFailing = Math.min(lowestFailing, next);
            }
        }
        System.out.println(
                best == null
                        ? "highest sustainable rate: none found down to " + lowestFailing + " users/s"
                        : String.format(
                                Locale.ROOT,
                                "highest sustainable rate: %d users/s (%.0f documents/s; every collection's "
                                        + "Kafka→visible p99 ≤ %.1f s, the worst %.1f s in %s; largest backlog %d records)%s",
                                best.rate(),
                                best.documentsPerSecond(),
                                p99TargetMs / 1000.0,
                                best.worstKafkaP99Ms() / 1000.0,
                                best.worstCollection(),
                                best.largestBacklog(),
                                lowestFailing == Integer.MAX_VALUE ? "" : "; " + lowestFailing + " users/s was not"));
    }

    private Outcome measure(MongoClient client, int usersPerSecond, Duration duration) {
        String prefix = "freshness__" + Instant.now().getEpochSecond() + "__" + usersPerSecond;
        int perTick = usersPerSecond * tickSeconds;
        int results = Math.min(perTick, MAX_RESULTS_PER_PAGE);
        int pages = (perTick + results - 1) / results;
        System.out.printf(
                Locale.ROOT,
                "%n== %d users/s for %.1f min: every %d s one fetcher run of %d page(s) x %d users "
                        + "(run ids %s__N)%n",
                usersPerSecond,
                duration.toMillis() / 60_000.0,
                tickSeconds,
                pages,
                results,
                prefix);

        Map<Facet, Long> largestBacklog = new EnumMap<>(Facet.class);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> stack.inspection()
                        .streamingBacklog()
                        .forEach((facet, backlog) -> largestBacklog.merge(facet, backlog.orElse(-1), Math::max)),
                0,
                BACKLOG_SAMPLE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);

        List<String> runIds = new ArrayList<>();
        long users = 0;
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        try {
            for (int tick = 0; ; tick++) {
                Instant due = start.plusSeconds((long) tick * tickSeconds);
                if (!due.isBefore(end)) {
                    break;
                }
                Sleep.until(due);
                String runId = prefix + "__" + tick;
                fetch(runId, results, pages);
                runIds.add(runId);
                users += (long) results * pages;
            }
        } finally {
            sampler.shutdownNow();
        }
        // The last tick is due before the end; its run may end after it.
        Duration producing = Collections.max(List.of(duration, Duration.between(start, Instant.now())));
        double achieved = users / (producing.toMillis() / 1000.0);
        boolean keptPace = achieved >= KEPT_PACE_SHARE * usersPerSecond;
        System.out.printf(
                Locale.ROOT,
                "produced %,d users in %d fetcher runs over %.1f s: %.1f users/s%s%n",
                users,
                runIds.size(),
                producing.toMillis() / 1000.0,
                achieved,
                keptPace ? "" : " (the fetcher fell behind)");

        awaitDocuments(client, runIds, users);
        return summarise(client, usersPerSecond, achieved, runIds, users, largestBacklog, keptPace);
    }

    /**
     * The fetcher's first runs in this JVM are slow (class loading, JIT): a few unmeasured ones first, whose
     * documents are deleted once written.
     */
    private void warmUp(MongoClient client) {
        String prefix = "freshness__" + Instant.now().getEpochSecond() + "__warmup";
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            runIds.add(prefix + "__" + i);
            fetch(runIds.get(i), WARM_UP_USERS, 1);
        }
        awaitDocuments(client, runIds, (long) WARM_UP_RUNS * WARM_UP_USERS);
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d fetcher runs of %d users, not measured, deleted (%d documents)%n",
                WARM_UP_RUNS,
                WARM_UP_USERS,
                delete(client, runIds));
    }

    private static long delete(MongoClient client, List<String> runIds) {
        long deleted = 0;
        for (Facet facet : Facet.values()) {
            deleted += collection(client, facet)
                    .deleteMany(in("_ingest.run_id", runIds))
                    .getDeletedCount();
        }
        return deleted;
    }

    /** One fetcher run, its command line as the DAG gives it, against the stack's emulator and brokers. */
    private void fetch(String runId, int results, int pages) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FetcherEnvironment environment = new FetcherEnvironment(
                Map.of(),
                System.in,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Sleeper.SYSTEM,
                Clock.systemUTC());
        int exit = new FetcherCli(environment)
                .run(
                        "--api-url",
                        stack.emulatorUrl(),
                        "--bootstrap-servers",
                        stack.bootstrapServers(),
                        "--results",
                        Integer.toString(results),
                        "--pages",
                        Integer.toString(pages),
                        "--seed",
                        runId,
                        "--run-id",
                        runId);
        if (exit != 0) {
            throw new IllegalStateException("the fetcher run " + runId + " exited " + exit + ": "
                    + err.toString(StandardCharsets.UTF_8).trim());
        }
    }

    /** Until every collection holds all the users of the runs, failing after some minutes without progress. */
    private void awaitDocuments(MongoClient client, List<String> runIds, long users) {
        long lastTotal = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            long total = 0;
            long smallest = Long.MAX_VALUE;
            for (Facet facet : Facet.values()) {
                long count = collection(client, facet).countDocuments(in("_ingest.run_id", runIds));
                total += count;
                smallest = Math.min(smallest, count);
            }
            if (smallest == users) {
                return;
            }
            if (total != lastTotal) {
                lastTotal = total;
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).compareTo(DRAIN_STALL_TIMEOUT) > 0) {
                throw new IllegalStateException("no new document for " + DRAIN_STALL_TIMEOUT.toMinutes() + " minutes: "
                        + total + " of " + users * Facet.values().length + " written; backlog "
                        + stack.inspection().streamingBacklog());
            }
            Sleep.until(Instant.now().plusSeconds(2));
        }
    }

    private Outcome summarise(
            MongoClient client,
            int usersPerSecond,
            double achieved,
            List<String> runIds,
            long users,
            Map<Facet, Long> largestBacklog,
            boolean keptPace) {
        System.out.printf(
                Locale.ROOT,
                "%-11s %9s | %-30s | %-30s | %s%n",
                "collection",
                "documents",
                "fetch→visible p50/p95/p99/max s",
                "Kafka→visible p50/p95/p99/max s",
                "largest backlog");
        List<Long> allKafka = new ArrayList<>();
        long worstP99 = -1;
        String worstCollection = "-";
        long firstFetched = Long.MAX_VALUE;
        long lastWritten = Long.MIN_VALUE;
        for (Facet facet : Facet.values()) {
            List<Long> fetchToVisible = new ArrayList<>();
            List<Long> kafkaToVisible = new ArrayList<>();
            for (Document document : collection(client, facet)
                    .find(in("_ingest.run_id", runIds))
                    .projection(Projections.include("fetched_at", "_ingest.kafka_ts", "_ingest.written_at"))) {
                Document ingest = document.get("_ingest", Document.class);
                long fetched = document.getDate("fetched_at").getTime();
                long written = ingest.getDate("written_at").getTime();
                fetchToVisible.add(written - fetched);
                kafkaToVisible.add(written - ingest.getDate("kafka_ts").getTime());
                firstFetched = Math.min(firstFetched, fetched);
                lastWritten = Math.max(lastWritten, written);
            }
            allKafka.addAll(kafkaToVisible);
            LatencySummary kafka = LatencySummary.of(toArray(kafkaToVisible));
            if (kafka.p99() > worstP99) {
                worstP99 = kafka.p99();
                worstCollection = facet.collection();
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-11s %9d | %-30s | %-30s | %d%n",
                    facet.collection(),
                    kafkaToVisible.size(),
                    seconds(LatencySummary.of(toArray(fetchToVisible))),
                    seconds(kafka),
                    largestBacklog.getOrDefault(facet, -1L));
        }
        LatencySummary kafkaAll = LatencySummary.of(toArray(allKafka));
        double documentsPerSecond = allKafka.size() / Math.max(0.001, (lastWritten - firstFetched) / 1000.0);
        long backlog = largestBacklog.values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(-1);
        Outcome outcome = new Outcome(
                usersPerSecond, achieved, users, worstP99, worstCollection, backlog, documentsPerSecond, keptPace);
        System.out.printf(
                Locale.ROOT,
                "all six: %,d documents, %.0f documents/s from first fetch to last write; "
                        + "Kafka→visible p50/p95/p99/max %s s; worst collection p99 %.1f s (%s), target %.1f s: %s%n",
                allKafka.size(),
                documentsPerSecond,
                seconds(kafkaAll),
                worstP99 / 1000.0,
                worstCollection,
                p99TargetMs / 1000.0,
                outcome.sustainable(p99TargetMs)
                        ? "sustainable"
                        : keptPace ? "NOT sustainable" : "NOT sustainable (the fetcher fell behind)");

        System.out.printf(Locale.ROOT, "deleted the benchmark's %,d documents%n", delete(client, runIds));
        return outcome;
    }

    private static String seconds(LatencySummary s) {
        return String.format(
                Locale.ROOT,
                "%.1f / %.1f / %.1f / %.1f",
                s.p50() / 1000.0,
                s.p95() / 1000.0,
                s.p99() / 1000.0,
                s.max() / 1000.0);
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static MongoCollection<Document> collection(MongoClient client, Facet facet) {
        return client.getDatabase(Facet.DATABASE).getCollection(facet.collection());
    }

    /** A quiet start: every job has written every record so far, so an earlier backlog is not measured. */
    private void awaitNoBacklog() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            if (stack.inspection().streamingJobsCaughtUp()) {
                return;
            }
            Sleep.until(Instant.now().plusSeconds(2));
        }
        throw new IllegalStateException("the jobs still have records to write after 10 minutes: "
                + stack.inspection().streamingBacklog());
    }
}
