package randomuser.pipeline.streaming.onstack;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.component.MongoServer;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.ProcFs;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;

/**
 * Not a test: prints figures. The sink at scale: the six streaming jobs of the local stack's command line, all
 * at once, each on its own topic, into one fresh database on the stack's MongoDB-compatible server, against a
 * raw Java-driver bulk upsert of the same documents into the same server in the same run.
 *
 * <p>The six jobs are submitted once, on empty topics, and run through both rounds, as the stack's jobs run: a
 * job's start (its JVMs, Spark, the query) is timed on its own and is in no round. Two rounds of the same seeded
 * users (default 100,000 per job): the <em>fill</em> round inserts new ids into empty collections; the
 * <em>measured</em> round replace-upserts every one of them again (new run id, so every document really changes)
 * into collections that already hold them all. Each round is produced in full before the jobs read any of it:
 * the fetcher writes it to staging topics, then it is copied to the jobs' topics in one Kafka transaction, which
 * the jobs (reading committed records only) see at once when it commits.
 *
 * <p>Per job and round: documents/s from that commit to the end of the job's last batch of the round (the job's
 * own batch log lines: trigger waits, planning and every batch included). The raw side: the jobs' documents,
 * read into memory in the order the jobs wrote them (Kafka partition, then offset), upserted into another fresh
 * database (new ids; six writers, bulks as large as the job's), then the same documents with a changed
 * {@code run_id} upserted over them (matching ids). The ratio is job / raw.
 *
 * <p>The measured round is run in pairs (default three): a round of the jobs, then the raw side's round right
 * after it. The ratio then rests on three comparisons instead of one: this machine's speed drifts by more than
 * the effects measured here (the raw side alone measured 9,200-12,800 documents/s in all over runs of the same
 * code), and with one pair the ratio moved by as much as the changes it was meant to judge. Printed: each pair's
 * ratio and the medians. Sampled every second meanwhile: the server's resident memory and its data file's size,
 * printed beside the documents' own BSON size (over the fill round and the first measured round, before the raw
 * side's database exists, and over the whole run).
 *
 * <p>Arguments: {@code --results 5000 --pages 20} (users per round), {@code --bulk 512} (the raw side's bulk:
 * the jobs' {@code --write-bulk-size} default), {@code --pairs 3}. Run it with
 * {@code spark-streaming/bench/run-benchmark.sh}.
 */
public final class StreamingBenchmark {
    /** "26/12/04 13:40:43 INFO JobMonitor: topic=t batch=0 rows_in=100 upserted=100 dead_lettered=0 ms=93964 lag=0" */
    private static final Pattern BATCH_LINE =
            Pattern.compile("^(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d) .* batch=(\\d+) rows_in=(\\d+) .* ms=(\\d+)");

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yy/MM/dd HH:mm:ss");
    private static final double MIB = 1024.0 * 1024.0;
    /** Documents per read when the raw side reads what the jobs wrote. */
    private static final int READ_CHUNK = 1000;

    private StreamingBenchmark() {}

    /**
     * One job's batches of a round: documents written, how many batches, the start of the first and the end of the
     * last (the job's own log lines, whole seconds).
     */
    record Round(long rows, int batches, LocalDateTime firstStart, LocalDateTime lastEnd) {
        /** Documents/s over the job's busy time, first batch start to last batch end. */
        double rate() {
            return rows / busySeconds(firstStart);
        }

        /** Documents/s from {@code revealed}, when the round's records became readable, to the last batch's end. */
        double rateSince(LocalDateTime revealed) {
            return rows / busySeconds(revealed);
        }

        /** Seconds from {@code from} to the last batch's end; at least one, since log times have whole seconds. */
        double busySeconds(LocalDateTime from) {
            return Math.max(1.0, Duration.between(from, lastEnd).toMillis() / 1000.0);
        }
    }

    /**
     * A round of the jobs and the raw side's round of the same documents right after it: measured minutes apart
     * rather than a whole run apart, so that the machine's own ups and downs move both sides of a ratio alike.
     *
     * @param rawSeconds each raw writer's seconds
     */
    record Pair(Revealed jobs, Map<Facet, Double> rawSeconds) {
        double raw(Facet facet, int users) {
            return users / rawSeconds.get(facet);
        }

        double ratio(Facet facet, int users) {
            return jobs.rate(facet) / raw(facet, users);
        }

        double jobsInAll() {
            return Arrays.stream(Facet.values()).mapToDouble(jobs::rate).sum();
        }

        double rawInAll(int users) {
            return Arrays.stream(Facet.values())
                    .mapToDouble(facet -> raw(facet, users))
                    .sum();
        }
    }

    /** A round as the jobs met it: their batches, and when its records became readable to them. */
    record Revealed(Map<Facet, Round> rounds, LocalDateTime revealedAt) {
        double rate(Facet facet) {
            return rounds.get(facet).rateSince(revealedAt);
        }

        double seconds(Facet facet) {
            return rounds.get(facet).busySeconds(revealedAt);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int results = Integer.parseInt(options.getOrDefault("--results", "5000"));
        int pages = Integer.parseInt(options.getOrDefault("--pages", "20"));
        int bulk = Integer.parseInt(options.getOrDefault("--bulk", "512"));
        int pairs = Integer.parseInt(options.getOrDefault("--pairs", "3"));
        if (pairs < 1) {
            throw new IllegalArgumentException("--pairs must be at least 1, got " + pairs);
        }
        SeededUsers fill = new SeededUsers("bench", results, pages, "bench-fill");
        SeededUsers measured = new SeededUsers("bench", results, pages, "bench-measured");
        List<Facet> facets = Arrays.asList(Facet.values());

        try (PausedStackJobs paused = PausedStackJobs.pause(TestStack.get());
                TestRun run = TestRun.create("benchmark", "bench");
                ServerSampler server = ServerSampler.start(run)) {
            List<TestJob> jobs = facets.stream().map(facet -> run.job(facet)).toList();
            long submitted = System.nanoTime();
            run.start(jobs);
            System.out.printf(
                    Locale.ROOT,
                    "six jobs submitted at once, on empty topics: every query running after %.0f s (in no round)%n",
                    (System.nanoTime() - submitted) / 1e9);

            System.out.println("fill round: " + fill.count() + " users, new ids into empty collections");
            Revealed fillRound = revealRound(run, jobs, fill, "fill.");
            System.out.println("measured round: the same " + measured.count()
                    + " users again (new run id), every document replaced in full collections");
            Revealed measuredRound = revealRound(run, jobs, measured, "measured.");
            run.awaitCounts(jobs, measured.count(), Duration.ofMinutes(1), Duration.ofMinutes(2));
            long jobsFileMax = server.maxFileBytes();
            long jobsRssMax = server.maxRssKiB();
            long bsonBytes = bsonBytesOnTheServer(run);

            MongoDatabase raw = run.database(run.databaseName() + "_raw");
            try {
                System.out.println(
                        "raw side: the jobs' documents read into memory in the order the jobs wrote "
                                + "them, upserted into a fresh database (new ids), then again with a changed field (matching ids)");
                Map<Facet, List<RawBsonDocument>> written = inTheJobsOrder(run.database());
                Map<Facet, Double> rawFill = upsertSixAtOnce(written, raw, bulk);
                List<Pair> measuredPairs = new ArrayList<>();
                measuredPairs.add(new Pair(measuredRound, upsertSixAtOnce(changed(written, "bench-raw-1"), raw, bulk)));
                for (int pair = 2; pair <= pairs; pair++) {
                    System.out.println("measured pair " + pair + " of " + pairs
                            + ": the jobs replace all again (new run id), then the raw side (a new changed field)");
                    SeededUsers again = new SeededUsers("bench", results, pages, "bench-measured-" + pair);
                    Revealed jobsRound = revealRound(run, jobs, again, "measured-" + pair + ".");
                    run.awaitCounts(jobs, again.count(), Duration.ofMinutes(1), Duration.ofMinutes(2));
                    measuredPairs.add(
                            new Pair(jobsRound, upsertSixAtOnce(changed(written, "bench-raw-" + pair), raw, bulk)));
                }
                print(measured.count(), bulk, new Pair(fillRound, rawFill), measuredPairs);
                System.out.printf(
                        Locale.ROOT,
                        "%nMongoDB-compatible server, six jobs' rounds: data file max %.0f MiB for "
                                + "%.0f MiB of documents' BSON in all its databases (%.2fx); resident memory max %.0f MiB%n",
                        jobsFileMax / MIB,
                        bsonBytes / MIB,
                        (double) jobsFileMax / bsonBytes,
                        jobsRssMax / 1024.0);
                System.out.printf(
                        Locale.ROOT,
                        "whole run (raw side included): data file max %.0f MiB, now %.0f MiB; "
                                + "resident memory max %.0f MiB%n",
                        server.maxFileBytes() / MIB,
                        server.fileBytes() / MIB,
                        server.maxRssKiB() / 1024.0);
            } finally {
                raw.drop();
            }
        }
    }

    /**
     * One round for the running jobs: the fetcher produces the users into staging topics of their own (prefix
     * {@code staged}); then all of them are copied to the jobs' topics in one Kafka transaction. The jobs read
     * committed records only, so the round becomes readable to them at once and whole, at the commit, and each
     * batch is full from the first. Waits until every job has upserted all of it; answers its batches.
     */
    private static Revealed revealRound(TestRun run, List<TestJob> jobs, SeededUsers users, String staged) {
        run.fetcher(staged).produce(users);
        Map<String, String> jobTopicByStaged = new LinkedHashMap<>();
        jobs.forEach(job -> jobTopicByStaged.put(run.topic(staged, job.facet()), job.topic()));
        Map<Facet, Long> lastBatch = lastBatchIds(jobs);
        Map<Facet, Long> upserted = upsertedSoFar(jobs);
        long copyStarted = System.nanoTime();
        long copied = run.topics().copyInOneTransaction(jobTopicByStaged);
        // Whole seconds, as the log times it is compared with.
        LocalDateTime revealedAt = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        System.out.printf(
                Locale.ROOT,
                "  %d records copied to the jobs' topics in one transaction (%.0f s), committed at %s%n",
                copied,
                (System.nanoTime() - copyStarted) / 1e9,
                revealedAt.format(LOG_TIME));
        awaitUpserted(run, jobs, upserted, users.count());
        return new Revealed(rounds(jobs, lastBatch), revealedAt);
    }

    /** Waits until every job (each started for this round) has upserted {@code count} documents. */
    static void awaitUpserted(TestRun run, List<TestJob> jobs, long count) {
        awaitUpserted(run, jobs, Map.of(), count);
    }

    /** Waits until every job has upserted {@code count} more documents than {@code before} (none if absent). */
    static void awaitUpserted(TestRun run, List<TestJob> jobs, Map<Facet, Long> before, long count) {
        // The status files, not the database, are polled while the jobs work: it costs the server nothing.
        Await.until(
                "six jobs upserting " + count + " users",
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(60),
                () -> {
                    run.requireRunning(jobs);
                    return upsertedSoFar(jobs);
                },
                upserted -> jobs.stream()
                        .allMatch(job -> upserted.get(job.facet()) - before.getOrDefault(job.facet(), 0L) >= count),
                () -> run.diagnostics(jobs));
    }

    /** Documents each job's driver has upserted since it started (its status file). */
    private static Map<Facet, Long> upsertedSoFar(List<TestJob> jobs) {
        Map<Facet, Long> upserted = new EnumMap<>(Facet.class);
        jobs.forEach(job -> upserted.put(
                job.facet(), job.status().map(StreamingJobStatus::totalUpserted).orElse(0L)));
        return upserted;
    }

    static Map<Facet, Long> lastBatchIds(List<TestJob> jobs) {
        Map<Facet, Long> last = new EnumMap<>(Facet.class);
        jobs.forEach(job -> last.put(
                job.facet(), job.status().map(s -> s.batchId().orElse(-1L)).orElse(-1L)));
        return last;
    }

    /** Each job's batches that read records after its batch in {@code lastBatchBefore}, from its log. */
    static Map<Facet, Round> rounds(List<TestJob> jobs, Map<Facet, Long> lastBatchBefore) {
        Map<Facet, Round> rounds = new EnumMap<>(Facet.class);
        for (TestJob job : jobs) {
            long afterBatch = lastBatchBefore.get(job.facet());
            long rows = 0;
            int batches = 0;
            LocalDateTime firstStart = null;
            LocalDateTime lastEnd = null;
            try {
                for (String line : Files.readAllLines(job.logFile())) {
                    Matcher batch = BATCH_LINE.matcher(line);
                    if (!line.contains("topic=" + job.topic() + " ")
                            || !batch.find()
                            || Long.parseLong(batch.group(2)) <= afterBatch
                            || Long.parseLong(batch.group(3)) == 0) {
                        continue;
                    }
                    LocalDateTime end = LocalDateTime.parse(batch.group(1), LOG_TIME);
                    LocalDateTime start = end.minus(Duration.ofMillis(Long.parseLong(batch.group(4))));
                    firstStart = firstStart == null || start.isBefore(firstStart) ? start : firstStart;
                    lastEnd = lastEnd == null || end.isAfter(lastEnd) ? end : lastEnd;
                    rows += Long.parseLong(batch.group(3));
                    batches++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (firstStart == null) {
                throw new IllegalStateException(job.name() + " logged no batch after batch " + afterBatch);
            }
            rounds.put(job.facet(), new Round(rows, batches, firstStart, lastEnd));
        }
        return rounds;
    }

    /**
     * The BSON size of every document in every database of the server ({@code dbStats} {@code dataSize}): what
     * its data file could at best be. Every database counts, since they share the one file.
     */
    private static long bsonBytesOnTheServer(TestRun run) {
        long bytes = 0;
        for (String name : run.databaseNames()) {
            bytes += ((Number) run.database(name)
                            .runCommand(new Document("dbStats", 1))
                            .get("dataSize"))
                    .longValue();
        }
        return bytes;
    }

    /**
     * A collection's documents, {@code size} at a time, from one find read in batches of that size (the local
     * server reads a find with no sort a batch at a time too, so its heap holds one batch, not the collection).
     */
    private static Iterable<List<RawBsonDocument>> chunks(MongoCollection<RawBsonDocument> collection, int size) {
        return () -> new Iterator<>() {
            private final MongoCursor<RawBsonDocument> cursor =
                    collection.find().batchSize(size).iterator();

            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public List<RawBsonDocument> next() {
                List<RawBsonDocument> chunk = new ArrayList<>(size);
                while (chunk.size() < size && cursor.hasNext()) {
                    chunk.add(cursor.next());
                }
                return chunk;
            }
        };
    }

    /**
     * Each collection's documents in the order its job wrote them: by Kafka partition, then offset. A job upserts
     * each partition's records in offset order, and the fetcher produced them in its pages' order, so each of its
     * bulks holds ids spread over the whole collection. Written in {@code _id} order instead (as a find returns
     * them), each bulk's ids would be neighbours on a few pages of the server's B-tree, a far cheaper write than any
     * the jobs make.
     */
    private static Map<Facet, List<RawBsonDocument>> inTheJobsOrder(MongoDatabase from) {
        Map<Facet, List<RawBsonDocument>> documents = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<RawBsonDocument> all = new ArrayList<>();
            chunks(from.getCollection(facet.collection(), RawBsonDocument.class), READ_CHUNK)
                    .forEach(all::addAll);
            all.sort(Comparator.comparing((RawBsonDocument document) -> ingest(document, "partition"))
                    .thenComparing(document -> ingest(document, "offset")));
            documents.put(facet, all);
        }
        return documents;
    }

    private static long ingest(RawBsonDocument document, String field) {
        return document.getDocument("_ingest").getNumber(field).longValue();
    }

    /** The same documents, each with a field changed, so that each upsert really replaces what was written. */
    private static Map<Facet, List<RawBsonDocument>> changed(
            Map<Facet, List<RawBsonDocument>> documents, String runId) {
        Map<Facet, List<RawBsonDocument>> changed = new EnumMap<>(Facet.class);
        documents.forEach((facet, list) -> changed.put(
                facet,
                list.stream()
                        .map(document -> {
                            BsonDocument copy = document.decode(new BsonDocumentCodec());
                            copy.put("run_id", new BsonString(runId));
                            return new RawBsonDocument(copy, new BsonDocumentCodec());
                        })
                        .toList()));
        return changed;
    }

    /** Six writers at once, one per collection, each upserting its documents in order and timed alone. */
    private static Map<Facet, Double> upsertSixAtOnce(
            Map<Facet, List<RawBsonDocument>> documents, MongoDatabase to, int bulk) throws Exception {
        return sixWritersAtOnce(facet -> {
            long started = System.nanoTime();
            upsert(to.getCollection(facet.collection(), RawBsonDocument.class), documents.get(facet), bulk);
            return (System.nanoTime() - started) / 1e9;
        });
    }

    private interface Writer {
        double write(Facet facet) throws Exception;
    }

    private static Map<Facet, Double> sixWritersAtOnce(Writer writer) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(Facet.values().length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Map<Facet, Future<Double>> timings = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                timings.put(facet, writers.submit(() -> {
                    go.await();
                    return writer.write(facet);
                }));
            }
            go.countDown();
            Map<Facet, Double> seconds = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                seconds.put(facet, timings.get(facet).get());
            }
            return seconds;
        } finally {
            writers.shutdownNow();
        }
    }

    /** Ordered bulks of {@code replaceOne(_id, document, upsert)}, as the jobs write them. */
    private static void upsert(MongoCollection<RawBsonDocument> collection, List<RawBsonDocument> documents, int bulk) {
        for (int from = 0; from < documents.size(); from += bulk) {
            List<WriteModel<RawBsonDocument>> models = new ArrayList<>();
            for (RawBsonDocument document : documents.subList(from, Math.min(documents.size(), from + bulk))) {
                models.add(new ReplaceOneModel<>(
                        eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true)));
            }
            collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
        }
    }

    private static void print(int users, int bulk, Pair fill, List<Pair> measured) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%d users per job and round; six jobs at once vs six driver writers at once "
                        + "(bulks of %d); documents/s%n",
                users,
                bulk);
        System.out.printf(
                Locale.ROOT,
                "%-9s | %-38s | %s%n",
                "",
                "fill: new ids into empty collections",
                "measured: replace all, collections full; median of " + measured.size() + " pairs");
        System.out.printf(
                Locale.ROOT,
                "%-9s | %7s %6s %8s %8s %5s | %8s %8s %5s | %s%n",
                "facet",
                "batches",
                "s",
                "job",
                "raw",
                "ratio",
                "job",
                "raw",
                "ratio",
                "ratio per pair");
        for (Facet facet : Facet.values()) {
            Revealed jobs = fill.jobs();
            System.out.printf(
                    Locale.ROOT,
                    "%-9s | %7d %6.0f %8.0f %8.0f %5.2f | %8.0f %8.0f %5.2f | %s%n",
                    facet.facetName(),
                    jobs.rounds().get(facet).batches(),
                    jobs.seconds(facet),
                    jobs.rate(facet),
                    fill.raw(facet, users),
                    fill.ratio(facet, users),
                    Medians.of(measured, pair -> pair.jobs().rate(facet)),
                    Medians.of(measured, pair -> pair.raw(facet, users)),
                    Medians.of(measured, pair -> pair.ratio(facet, users)),
                    each(measured, pair -> pair.ratio(facet, users)));
        }
        System.out.printf(
                Locale.ROOT,
                "%-9s | %7s %6s %8.0f %8.0f %5.2f | %8.0f %8.0f %5.2f | %s%n",
                "all six",
                "",
                "",
                fill.jobsInAll(),
                fill.rawInAll(users),
                fill.jobsInAll() / fill.rawInAll(users),
                Medians.of(measured, Pair::jobsInAll),
                Medians.of(measured, pair -> pair.rawInAll(users)),
                Medians.of(measured, pair -> pair.jobsInAll() / pair.rawInAll(users)),
                each(measured, pair -> pair.jobsInAll() / pair.rawInAll(users)));
        for (int pair = 0; pair < measured.size(); pair++) {
            Pair each = measured.get(pair);
            System.out.printf(
                    Locale.ROOT,
                    "pair %d, all six: job %.0f, raw %.0f, ratio %.2f%n",
                    pair + 1,
                    each.jobsInAll(),
                    each.rawInAll(users),
                    each.jobsInAll() / each.rawInAll(users));
        }
        System.out.println("s: from the commit that made the round readable to the end of the job's last batch; "
                + "job: documents/s over those seconds; raw: the Java driver alone; ratio: job / raw, of a pair: a "
                + "measured round of the jobs and the raw side's round right after it; all six: the six rates summed");
        System.out.printf(
                Locale.ROOT,
                "slowest job, measured: %.0f documents/s; lowest ratio of a job: %.2f (each a median of its pairs)%n",
                Arrays.stream(Facet.values())
                        .mapToDouble(facet ->
                                Medians.of(measured, pair -> pair.jobs().rate(facet)))
                        .min()
                        .orElse(0),
                Arrays.stream(Facet.values())
                        .mapToDouble(facet -> Medians.of(measured, pair -> pair.ratio(facet, users)))
                        .min()
                        .orElse(0));
    }

    private static String each(List<Pair> pairs, ToDoubleFunction<Pair> ratio) {
        return pairs.stream()
                .map(pair -> String.format(Locale.ROOT, "%.2f", ratio.applyAsDouble(pair)))
                .collect(Collectors.joining(" "));
    }

    /** Samples the server's resident memory and data file size every second, in the background. */
    private static final class ServerSampler implements AutoCloseable {
        private final Path dataFile;
        private final long pid;
        private final AtomicLong maxRssKiB = new AtomicLong();
        private final AtomicLong maxFileBytes = new AtomicLong();
        private final Thread thread;

        private ServerSampler(Path dataFile, long pid) {
            this.dataFile = dataFile;
            this.pid = pid;
            this.thread = new Thread(this::sampleEverySecond, "server-sampler");
            this.thread.setDaemon(true);
        }

        static ServerSampler start(TestRun run) {
            long pid = new ProcessRegistry(run.stack().layout())
                    .runningPid(MongoServer.NAME)
                    .orElseThrow(
                            () -> new IllegalStateException("the stack's MongoDB-compatible server is not running"));
            ServerSampler sampler = new ServerSampler(run.stack().layout().mongoDataFile(), pid);
            sampler.thread.start();
            return sampler;
        }

        private void sampleEverySecond() {
            while (!Thread.currentThread().isInterrupted()) {
                ProcFs.residentKiB(pid).ifPresent(kib -> maxRssKiB.accumulateAndGet(kib, Math::max));
                maxFileBytes.accumulateAndGet(fileBytes(), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long fileBytes() {
            try {
                return Files.size(dataFile);
            } catch (IOException e) {
                return 0;
            }
        }

        long maxRssKiB() {
            return maxRssKiB.get();
        }

        long maxFileBytes() {
            return maxFileBytes.get();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs, e.g. --results 5000 --pages 20");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
