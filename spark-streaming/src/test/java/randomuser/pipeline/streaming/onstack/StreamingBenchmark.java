package randomuser.pipeline.streaming.onstack;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;

/**
 * Not a test: prints figures. The six streaming jobs on the local stack (the stack's command line, its Spark
 * cluster, its MongoDB-compatible server), each on its own topic and all writing to one fresh database, as the
 * stack runs them; then, in the same run, the very documents they wrote upserted again with the plain Java
 * driver ({@code replaceOne} upserts by {@code _id}, ordered bulks of at most 99: the server's limit for
 * replacements) into another fresh database on the same server, six writers at once like the six jobs.
 *
 * <p>Per job: rows/s over the wall time from the first record's Kafka timestamp to the end of the last batch
 * (what a user waits), and rows/s inside the micro-batches (the job's own log lines: Spark's trigger waits
 * and planning excluded); per collection the driver's documents/s; and the ratio. A small warm-up round goes
 * first on both sides (JIT, connections, executors), untimed.
 *
 * <p>Arguments: {@code --results 500 --pages 2} (users per round, default 1000), {@code --warmup 20},
 * {@code --raw-bulk 99}. Run it with {@code spark-streaming/bench/run-benchmark.sh}.
 */
public final class StreamingBenchmark {
    private static final Pattern BATCH_LINE = Pattern.compile("batch=(\\d+) rows_in=(\\d+) .* ms=(\\d+)");

    private StreamingBenchmark() {
    }

    /** One job's figures. */
    private record JobFigures(long rows, double wallSeconds, long batches, long batchMillis) {
        double wallRate() {
            return rows / wallSeconds;
        }

        double batchRate() {
            return rows * 1000.0 / batchMillis;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int results = Integer.parseInt(options.getOrDefault("--results", "500"));
        int pages = Integer.parseInt(options.getOrDefault("--pages", "2"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "20"));
        int rawBulk = Integer.parseInt(options.getOrDefault("--raw-bulk", "99"));
        if (rawBulk < 1 || rawBulk > 99) {
            throw new IllegalArgumentException("--raw-bulk must be 1..99: the local server hangs on 100 replacements in one command");
        }
        SeededUsers warmupUsers = new SeededUsers("bench-warmup", warmup, 1, "bench-warmup-run");
        SeededUsers users = new SeededUsers("bench", results, pages, "bench-run");

        try (PausedStackJobs paused = PausedStackJobs.pause(TestStack.get());
             TestRun run = TestRun.create("benchmark", "bench")) {
            List<TestJob> jobs = Arrays.stream(Facet.values()).map(facet -> run.job(facet)).toList();
            run.start(jobs);
            System.out.println("warm-up: " + warmup + " users");
            run.fetcher().produce(warmupUsers);
            run.awaitCounts(jobs, warmup, Duration.ofMinutes(4), Duration.ofMinutes(10));
            Map<Facet, Long> batchesBefore = new EnumMap<>(Facet.class);
            jobs.forEach(job -> batchesBefore.put(job.facet(), job.status()
                    .map(s -> s.batchId().isPresent() ? s.batchId().getAsLong() : -1L).orElse(-1L)));

            System.out.println("measured: " + users.count() + " users into each of the six jobs");
            run.fetcher().produce(users);
            run.awaitCounts(jobs, warmup + users.count(), Duration.ofMinutes(5), Duration.ofMinutes(30));
            Map<Facet, JobFigures> jobFigures = new EnumMap<>(Facet.class);
            for (TestJob job : jobs) {
                jobFigures.put(job.facet(), jobFigures(run, job, users, batchesBefore.get(job.facet())));
            }

            // Another fresh database on the same server: the same documents, into collections of the same size.
            MongoDatabase raw = run.database(run.databaseName() + "_raw");
            Map<Facet, Double> rawSeconds;
            try {
                rawSeconds = rawUpserts(run.database(), raw, warmupUsers, users, rawBulk);
            } finally {
                raw.drop();
            }
            print(users.count(), rawBulk, jobFigures, rawSeconds);
        }
    }

    private static JobFigures jobFigures(TestRun run, TestJob job, SeededUsers users, long lastWarmupBatch) {
        StreamingJobStatus status = job.status().orElseThrow();
        Document first = run.collection(job.facet()).find(eq("run_id", users.runId()))
                .sort(Sorts.ascending("_ingest.kafka_ts")).limit(1).first();
        Date firstRecord = ((Document) first.get("_ingest")).getDate("kafka_ts");
        double wallSeconds = Duration.between(firstRecord.toInstant(), Instant.parse(status.lastBatchAt())).toMillis() / 1000.0;
        long rows = 0;
        long batches = 0;
        long millis = 0;
        try {
            for (String line : Files.readAllLines(job.logFile())) {
                Matcher batch = BATCH_LINE.matcher(line);
                if (line.contains("topic=" + job.topic() + " ") && batch.find() && Long.parseLong(batch.group(1)) > lastWarmupBatch) {
                    rows += Long.parseLong(batch.group(2));
                    millis += Long.parseLong(batch.group(3));
                    batches++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows != users.count()) {
            throw new IllegalStateException(job.name() + " logged " + rows + " rows in its measured batches, expected "
                    + users.count() + " (a batch run twice?)");
        }
        return new JobFigures(rows, wallSeconds, batches, millis);
    }

    /**
     * The documents the jobs wrote, upserted again into a fresh database: warm-up documents first (untimed),
     * then the measured ones, six collections at once, each timed alone.
     */
    private static Map<Facet, Double> rawUpserts(MongoDatabase jobs, MongoDatabase raw,
                                                 SeededUsers warmup, SeededUsers users, int bulk) throws Exception {
        Map<Facet, List<Document>> warmupDocs = new EnumMap<>(Facet.class);
        Map<Facet, List<Document>> measuredDocs = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            warmupDocs.put(facet, jobs.getCollection(facet.collection()).find(eq("run_id", warmup.runId())).into(new ArrayList<>()));
            measuredDocs.put(facet, jobs.getCollection(facet.collection()).find(eq("run_id", users.runId())).into(new ArrayList<>()));
        }
        ExecutorService writers = Executors.newFixedThreadPool(Facet.values().length);
        try {
            for (Facet facet : Facet.values()) {
                upsert(raw.getCollection(facet.collection()), warmupDocs.get(facet), bulk);
            }
            CountDownLatch go = new CountDownLatch(1);
            Map<Facet, Future<Double>> timings = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                timings.put(facet, writers.submit(() -> {
                    go.await();
                    long started = System.nanoTime();
                    upsert(raw.getCollection(facet.collection()), measuredDocs.get(facet), bulk);
                    return (System.nanoTime() - started) / 1e9;
                }));
            }
            go.countDown();
            Map<Facet, Double> seconds = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                seconds.put(facet, timings.get(facet).get());
                long stored = raw.getCollection(facet.collection()).countDocuments(eq("run_id", users.runId()));
                if (stored != measuredDocs.get(facet).size()) {
                    throw new IllegalStateException("raw upserts left " + stored + " documents in " + facet.collection());
                }
            }
            return seconds;
        } finally {
            writers.shutdownNow();
        }
    }

    /** Ordered bulks of {@code replaceOne(_id, document, upsert)}, as the job's connector writes them. */
    private static void upsert(MongoCollection<Document> collection, List<Document> documents, int bulk) {
        for (int from = 0; from < documents.size(); from += bulk) {
            List<WriteModel<Document>> models = new ArrayList<>();
            for (Document document : documents.subList(from, Math.min(documents.size(), from + bulk))) {
                models.add(new ReplaceOneModel<>(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
        }
    }

    private static void print(int users, int rawBulk, Map<Facet, JobFigures> jobs, Map<Facet, Double> raw) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%d users per job; six jobs at once (job bulk 10) vs six driver writers at once (bulk %d)%n",
                users, rawBulk);
        System.out.printf(Locale.ROOT, "%-9s %8s %9s %10s %8s %12s %10s %11s %11s%n", "facet", "rows", "wall s",
                "job rows/s", "batches", "in-batch r/s", "raw s", "raw docs/s", "raw/job");
        double jobWallMax = 0;
        double rawMax = 0;
        for (Facet facet : Facet.values()) {
            JobFigures job = jobs.get(facet);
            double rawRate = users / raw.get(facet);
            System.out.printf(Locale.ROOT, "%-9s %8d %9.1f %10.1f %8d %12.1f %10.1f %11.1f %10.2fx%n", facet.facetName(),
                    job.rows(), job.wallSeconds(), job.wallRate(), job.batches(), job.batchRate(), raw.get(facet),
                    rawRate, rawRate / job.wallRate());
            jobWallMax = Math.max(jobWallMax, job.wallSeconds());
            rawMax = Math.max(rawMax, raw.get(facet));
        }
        double jobTotal = 6.0 * users / jobWallMax;
        double rawTotal = 6.0 * users / rawMax;
        System.out.printf(Locale.ROOT, "%-9s %8d %9.1f %10.1f %8s %12s %10.1f %11.1f %10.2fx%n", "all six", 6 * users,
                jobWallMax, jobTotal, "", "", rawMax, rawTotal, rawTotal / jobTotal);
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs, e.g. --results 500 --pages 2");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
