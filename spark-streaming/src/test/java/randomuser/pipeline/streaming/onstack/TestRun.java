package randomuser.pipeline.streaming.onstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.component.StreamingJobSubmission;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.stack.process.ProcessRegistry;
import randomuser.pipeline.stack.process.StackLock;

/**
 * One test's (or the benchmark's) own corner of the shared stack: topics under {@code it-<8 hex>.}, the
 * MongoDB database {@code it_<8 hex>}, checkpoints and status files under {@code var/it/<8 hex>/}, and job
 * drivers named {@code it-<8 hex>-<facet>} ({@code bench} instead of {@code it} for the benchmark). The stack's own topics, database and jobs are never touched. Closing it stops
 * its drivers, deletes its topics, drops its database and deletes its folder (the drivers' logs stay in
 * var/logs for a post-mortem).
 */
final class TestRun implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Kills tried before a test gives up catching a batch in flight. */
    private static final int KILL_ATTEMPTS = 3;
    /** As the fetcher and the stack create topics. */
    static final int PARTITIONS = 3;

    private final LocalStack stack;
    /** "it" for tests, "bench" for the benchmark: the first word of every name the run uses. */
    private final String kind;

    private final String id;
    private final Path workDir;
    private final MongoClient mongo;
    private final Topics topics;
    private final FetcherCli fetcher;
    private final List<TestJob> jobs = new ArrayList<>();

    private TestRun(LocalStack stack, String kind, String id) {
        this.stack = stack;
        this.kind = kind;
        this.id = id;
        this.workDir = stack.stateDir().resolve(kind).resolve(id);
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(stack.mongoUri()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(15, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(120, TimeUnit.SECONDS))
                .build());
        this.topics = new Topics(stack.bootstrapServers());
        this.fetcher = new FetcherCli(stack, workDir, topicPrefix());
    }

    static TestRun create(String label) {
        return create(label, "it");
    }

    static TestRun create(String label, String kind) {
        TestRun run =
                new TestRun(TestStack.get(), kind, UUID.randomUUID().toString().substring(0, 8));
        System.out.println(label + ": topics " + run.topicPrefix() + "*, database " + run.databaseName() + ", state "
                + run.workDir);
        return run;
    }

    LocalStack stack() {
        return stack;
    }

    String topicPrefix() {
        return kind + "-" + id + ".";
    }

    String topic(Facet facet) {
        return topicPrefix() + facet.topic();
    }

    String databaseName() {
        return kind + "_" + id;
    }

    MongoDatabase database() {
        return mongo.getDatabase(databaseName());
    }

    /** Another database on the same server (the benchmark's second side); dropping it is the caller's job. */
    MongoDatabase database(String name) {
        return mongo.getDatabase(name);
    }

    /** Every database on the server (the benchmark weighs the one data file they share). */
    List<String> databaseNames() {
        return mongo.listDatabaseNames().into(new ArrayList<>());
    }

    MongoCollection<Document> collection(Facet facet) {
        return database().getCollection(facet.collection());
    }

    MongoCollection<Document> deadLetters() {
        return database().getCollection(Facet.DEAD_LETTERS_COLLECTION);
    }

    Topics topics() {
        return topics;
    }

    FetcherCli fetcher() {
        return fetcher;
    }

    /** The fetcher writing to topics under another prefix inside this run's (deleted with the run's topics). */
    FetcherCli fetcher(String topicPrefixInThisRun) {
        return new FetcherCli(stack, workDir, topicPrefix() + topicPrefixInThisRun);
    }

    /** The facet's topic that {@link #fetcher(String)} with the same prefix writes to. */
    String topic(String topicPrefixInThisRun, Facet facet) {
        return topicPrefix() + topicPrefixInThisRun + facet.topic();
    }

    /** A job for the facet on this run's topic and database, with its own checkpoint; not started yet. */
    TestJob job(Facet facet, String... jobOptions) {
        return add(submission(facet).withJobOptions(jobOptions));
    }

    /** The facet's job of this run (same name, checkpoint and status file) with the JVMs' default flags. */
    TestJob jobWithJvmDefaults(Facet facet) {
        return add(submission(facet).withJvmDefaults());
    }

    private StreamingJobSubmission submission(Facet facet) {
        return StreamingJobSubmission.custom(
                stack.layout(),
                kind + "-" + id + "-" + facet.facetName(),
                facet,
                topic(facet),
                facet.collection(),
                databaseName(),
                workDir.resolve("checkpoints").resolve(facet.facetName()),
                workDir.resolve("status").resolve(facet.facetName() + ".json"));
    }

    private TestJob add(StreamingJobSubmission submission) {
        TestJob job = new TestJob(stack.layout(), submission, topic(submission.facet()), databaseName());
        jobs.add(job);
        return job;
    }

    /**
     * Creates the jobs' topics where missing (as {@code ./pipeline up} does before its jobs: a query subscribed to
     * a topic that does not exist yet fails), submits the jobs that are not running, all at once, and waits until
     * each one's query runs.
     */
    void start(List<TestJob> toStart) {
        toStart.forEach(job -> topics.ensure(job.topic(), PARTITIONS));
        stack.ensure(toStart.stream().map(TestJob::component).toList(), List.of());
    }

    /** Stops a driver as an operator would (SIGTERM), and waits until the master no longer lists its application. */
    void stop(TestJob job) {
        try (StackLock.Held lock = StackLock.acquire(stack.layout().runDir())) {
            new ProcessRegistry(stack.layout()).stop(List.of(job.name()), STOP_GRACE, Progress.toStandardOutput());
        }
        try (Probes probes = new Probes(stack.bootstrapServers(), stack.sparkMasterUiUrl())) {
            Await.until(
                    job.name() + " gone from the Spark master",
                    Duration.ofMillis(500),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(60),
                    () -> probes.sparkMaster().activeApps(job.name()).size(),
                    n -> n == 0,
                    () -> "the master still lists " + job.name());
        }
    }

    /**
     * Kills the driver with SIGKILL once its status satisfies {@code ready} while a batch is planned but not
     * committed, so the next driver must run that batch again. Should the commit land between the look and the
     * kill (the first kill of a test JVM is the slowest), the job is started again and the next batch is tried.
     *
     * @return the driver's status when it was killed
     */
    StreamingJobStatus killWithBatchInFlight(TestJob job, String what, Predicate<StreamingJobStatus> ready) {
        for (int attempt = 1; attempt <= KILL_ATTEMPTS; attempt++) {
            // The status file and the checkpoint, not the database, are polled: they cost the busy server nothing.
            StreamingJobStatus atKill = Await.until(
                    job.name() + " " + what + " and a batch in flight",
                    Duration.ofMillis(20),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(8),
                    () -> job.status().orElse(null),
                    status -> status != null && ready.test(status) && Checkpoints.batchInFlight(job.checkpointDir()),
                    () -> diagnostics(List.of(job)));
            kill(job);
            if (Checkpoints.batchInFlight(job.checkpointDir())) {
                return atKill;
            }
            System.out.println("the batch committed before the kill (" + Checkpoints.describe(job.checkpointDir())
                    + "); attempt " + attempt + " of " + KILL_ATTEMPTS);
            start(List.of(job));
        }
        throw new AssertionError("no batch in flight at the kill in " + KILL_ATTEMPTS + " attempts: "
                + Checkpoints.describe(job.checkpointDir()));
    }

    /** Kills a driver with SIGKILL, as a crash would. */
    void kill(TestJob job) {
        try (StackLock.Held lock = StackLock.acquire(stack.layout().runDir())) {
            if (!new ProcessRegistry(stack.layout()).kill(job.name())) {
                throw new AssertionError(job.name() + " was not running when the test meant to kill it");
            }
        }
    }

    /** Documents per facet collection of this run's database. */
    Map<Facet, Long> counts(List<Facet> facets) {
        Map<Facet, Long> counts = new EnumMap<>(Facet.class);
        facets.forEach(facet -> counts.put(facet, collection(facet).countDocuments()));
        return counts;
    }

    /** Waits until each job's collection holds {@code expected} documents (bounded, with diagnostics). */
    Map<Facet, Long> awaitCounts(List<TestJob> watched, long expected, Duration stall, Duration max) {
        List<Facet> facets = watched.stream().map(TestJob::facet).toList();
        return Await.until(
                "documents in " + databaseName(),
                Duration.ofSeconds(5),
                stall,
                max,
                () -> {
                    requireRunning(watched);
                    return counts(facets);
                },
                counts -> counts.values().stream().allMatch(count -> count >= expected),
                () -> diagnostics(watched));
    }

    /** Waits until the job's status shows no lag (every record of its topic read); answers that status. */
    StreamingJobStatus awaitCaughtUp(TestJob job) {
        return Await.until(
                job.name() + " caught up",
                Duration.ofSeconds(2),
                Duration.ofMinutes(2),
                Duration.ofMinutes(3),
                () -> job.status().orElse(null),
                status -> status != null
                        && status.lag().isPresent()
                        && status.lag().getAsLong() == 0,
                () -> diagnostics(List.of(job)));
    }

    /** Fails at once, with the drivers' logs, when a driver has ended: no point waiting for its documents. */
    void requireRunning(List<TestJob> watched) {
        List<TestJob> ended =
                watched.stream().filter(job -> job.pid().isEmpty()).toList();
        if (!ended.isEmpty()) {
            throw new AssertionError(
                    "job drivers ended: " + ended.stream().map(TestJob::name).toList() + "\n" + diagnostics(ended));
        }
    }

    /** Each job's status and log excerpt: what a failure message needs to tell a slow job from a broken one. */
    String diagnostics(List<TestJob> watched) {
        return watched.stream().map(TestJob::diagnostics).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        attempt(failures, () -> {
            List<String> names = jobs.stream().map(TestJob::name).toList();
            try (StackLock.Held lock = StackLock.acquire(stack.layout().runDir())) {
                new ProcessRegistry(stack.layout()).stop(names, STOP_GRACE, Progress.toStandardOutput());
            }
        });
        attempt(failures, () -> System.out.println("deleted topics " + topics.deleteAllWithPrefix(topicPrefix())));
        attempt(failures, () -> {
            database().drop();
            System.out.println("dropped database " + databaseName());
        });
        attempt(failures, this::deleteWorkDir);
        mongo.close();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void deleteWorkDir() {
        if (!Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + workDir, e);
        }
    }
}
