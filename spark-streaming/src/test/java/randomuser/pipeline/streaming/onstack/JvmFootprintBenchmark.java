package randomuser.pipeline.streaming.onstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.process.ProcFs;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;
import randomuser.pipeline.streaming.onstack.StreamingBenchmark.Round;

/**
 * The JVM flags the stack gives its jobs (serial collectors; the driver's heap starts small and gives memory back
 * and it runs C1 only, the executor's heap starts at 128 MiB with a 48 MiB young generation) against the JVMs'
 * defaults, in one run on the same stack and data: the six jobs replace the same users' documents round after
 * round, alternating the two kinds of job (ABBA order, so that neither always runs on the warmer server). Prints
 * each round's documents/s (the six jobs summed, and the slowest job) and the jobs' largest resident memory
 * (drivers and executors), then the medians and the ratios.
 * Not a test. Options: --results 5000 --pages 4 (users per round) --pairs 2.
 */
public final class JvmFootprintBenchmark {
    private static final String SMALL = "small footprint";
    private static final String DEFAULTS = "JVM defaults";

    private record Measured(String kind, double documentsPerSecond, double slowestJob, long jobsRssKiB) {}

    private JvmFootprintBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = StreamingBenchmark.options(args);
        int results = Integer.parseInt(options.getOrDefault("--results", "5000"));
        int pages = Integer.parseInt(options.getOrDefault("--pages", "4"));
        int pairs = Integer.parseInt(options.getOrDefault("--pairs", "2"));
        SeededUsers users = new SeededUsers("bench", results, pages, "bench-jvm");
        List<Facet> facets = Arrays.asList(Facet.values());
        LocalStack stack = TestStack.get();

        try (PausedStackJobs paused = PausedStackJobs.pause(stack);
                TestRun run = TestRun.create("benchmark", "jvm")) {
            List<TestJob> small = facets.stream().map(run::job).toList();
            List<TestJob> defaults =
                    facets.stream().map(run::jobWithJvmDefaults).toList();
            facets.forEach(facet -> run.topics().ensure(run.topic(facet), TestRun.PARTITIONS));

            System.out.println("fill round (not measured): " + users.count() + " users per job, new ids; then the "
                    + "measured rounds, the same users again");
            round(run, stack, small, users, "fill");

            List<Measured> measured = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++) {
                boolean smallFirst = pair % 2 == 1;
                measured.add(round(run, stack, smallFirst ? small : defaults, users, smallFirst ? SMALL : DEFAULTS));
                measured.add(round(run, stack, smallFirst ? defaults : small, users, smallFirst ? DEFAULTS : SMALL));
            }
            print(users.count(), measured);
        }
    }

    /** Produces the users again, runs the jobs until they replaced them all, and stops them. */
    private static Measured round(TestRun run, LocalStack stack, List<TestJob> jobs, SeededUsers users, String kind)
            throws InterruptedException {
        Map<Facet, Long> lastBatch = StreamingBenchmark.lastBatchIds(jobs);
        run.fetcher().produce(users);
        AtomicLong maxRssKiB = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(
                () -> {
                    while (sampling.get()) {
                        maxRssKiB.accumulateAndGet(jobsRssKiB(stack, jobs), Math::max);
                        sleep(Duration.ofSeconds(1));
                    }
                },
                "jobs-rss");
        run.start(jobs);
        sampler.start();
        StreamingBenchmark.awaitUpserted(run, jobs, users.count());
        sampling.set(false);
        sampler.join();
        Map<Facet, Round> rounds = StreamingBenchmark.rounds(jobs, lastBatch);
        jobs.forEach(run::stop);
        double total = rounds.values().stream().mapToDouble(Round::rate).sum();
        double slowest = rounds.values().stream().mapToDouble(Round::rate).min().orElse(0);
        Measured result = new Measured(kind, total, slowest, maxRssKiB.get());
        System.out.printf(
                Locale.ROOT,
                "  %-15s %8.0f documents/s, slowest job %6.0f, jobs' resident memory max %5.0f MiB%n",
                kind,
                total,
                slowest,
                result.jobsRssKiB() / 1024.0);
        return result;
    }

    /** The drivers' and their executors' resident memory now. */
    private static long jobsRssKiB(LocalStack stack, List<TestJob> jobs) {
        long kib = 0;
        for (TestJob job : jobs) {
            kib += job.pid().map(pid -> ProcFs.residentKiB(pid).orElse(0)).orElse(0L);
            kib += stack.inspection().executorsOf(job.name()).stream()
                    .mapToLong(pid -> ProcFs.residentKiB(pid).orElse(0))
                    .sum();
        }
        return kib;
    }

    private static void print(long users, List<Measured> rounds) {
        double smallRate = median(rounds, SMALL, Measured::documentsPerSecond);
        double defaultRate = median(rounds, DEFAULTS, Measured::documentsPerSecond);
        double smallSlowest = median(rounds, SMALL, Measured::slowestJob);
        double defaultSlowest = median(rounds, DEFAULTS, Measured::slowestJob);
        double smallRss = median(rounds, SMALL, m -> m.jobsRssKiB() / 1024.0);
        double defaultRss = median(rounds, DEFAULTS, m -> m.jobsRssKiB() / 1024.0);
        System.out.printf(
                Locale.ROOT,
                "%n%d users per job and round, matching ids; medians of %d rounds each%n",
                users,
                rounds.size() / 2);
        System.out.printf(
                Locale.ROOT,
                "%-15s | %12s | %11s | %16s%n",
                "jobs' JVMs",
                "documents/s",
                "slowest job",
                "jobs' RSS max MiB");
        System.out.printf(
                Locale.ROOT, "%-15s | %12.0f | %11.0f | %16.0f%n", DEFAULTS, defaultRate, defaultSlowest, defaultRss);
        System.out.printf(Locale.ROOT, "%-15s | %12.0f | %11.0f | %16.0f%n", SMALL, smallRate, smallSlowest, smallRss);
        System.out.printf(
                Locale.ROOT,
                "small / defaults: documents/s %.2f, slowest job %.2f, resident memory %.2f%n",
                smallRate / defaultRate,
                smallSlowest / defaultSlowest,
                smallRss / defaultRss);
        System.out.println("(the executors' workers run with MALLOC_ARENA_MAX=2 in both: the workers are the stack's)");
    }

    private static double median(List<Measured> rounds, String kind, ToDoubleFunction<Measured> value) {
        return Medians.of(rounds.stream().filter(m -> m.kind().equals(kind)).toList(), value);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
