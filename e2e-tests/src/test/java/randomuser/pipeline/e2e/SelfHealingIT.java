package randomuser.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.StreamingJobDriver;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.probe.JobRestarts;
import randomuser.pipeline.stack.testrun.PipelineScript;
import randomuser.pipeline.stack.testrun.PipelineScript.Run;

/**
 * The stack's streaming jobs come back on their own. While a seeded run streams, one job's driver and another
 * job's executor are killed with SIGKILL: both jobs run again within a minute with nobody typing a command,
 * and every collection ends with exactly the run's users. A job given a bad setting is restarted three times,
 * then {@code ./pipeline status} shows it FAILED with its error (exit 3), while the other five write a run.
 */
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class SelfHealingIT {
    /** How soon a killed driver or executor must be running again: the bound. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOCUMENTS_STALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DOCUMENTS_TIMEOUT = Duration.ofMinutes(15);
    private static final Facet DRIVER_KILLED = Facet.LOCATION;
    private static final Facet EXECUTOR_KILLED = Facet.CONTACT;
    private static final Facet BADLY_SET = Facet.PICTURE;

    @Test
    void aKilledDriverAndAKilledExecutorRunAgainWithinAMinuteAndEveryUserLandsOnce() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
        // Enough for both kills to land mid-run, small enough that the other five jobs leave the restarted
        // driver some CPU on two cores (with 2 x 5,000 users it took 41 s in CI to run again, 15 s alone).
        int results = 2000;
        int pages = 2;
        int users = results * pages;
        try (ScheduledIngestPause pause = ScheduledIngestPause.pause(stack);
                FacetCollections mongo = new FacetCollections(stack.mongoUri())) {
            Set<String> ids = new HashSet<>();
            try {
                BackfillRuns runs = new BackfillRuns(stack.airflowClient());
                runs.requireActive();
                String runId = runs.trigger(conf(results, pages, "healing"));

                // Both kills once the run streams: its first documents are in a collection.
                Map<Facet, Long> atKill = awaitFirstDocuments(mongo, runId);
                JobRestarts driverJobBefore = restarts(stack, DRIVER_KILLED);
                JobRestarts executorJobBefore = restarts(stack, EXECUTOR_KILLED);
                long killedDriver = stack.faults().killStreamingJobDriver(DRIVER_KILLED);
                long killedExecutor = stack.faults().killStreamingJobExecutor(EXECUTOR_KILLED);
                long killedAt = System.nanoTime();
                System.out.println("killed " + name(DRIVER_KILLED) + "'s driver " + killedDriver + " and "
                        + name(EXECUTOR_KILLED) + "'s executor " + killedExecutor + " at " + atKill);

                Map<Facet, ComponentStatus> back = awaitRunningAgain(
                        stack,
                        killedAt,
                        Map.of(
                                DRIVER_KILLED,
                                        row -> StreamingJobDriver.driverOf(
                                                                row.pid().getAsLong())
                                                        .orElse(killedDriver)
                                                != killedDriver,
                                EXECUTOR_KILLED,
                                        row -> {
                                            Set<Long> executors =
                                                    stack.inspection().executorsOf(name(EXECUTOR_KILLED));
                                            return !executors.isEmpty() && !executors.contains(killedExecutor);
                                        }));
                JobRestarts driverJobAfter = restarts(stack, DRIVER_KILLED);
                assertEquals(
                        driverJobBefore.restarts() + 1,
                        driverJobAfter.restarts(),
                        "restarts of " + name(DRIVER_KILLED));
                assertEquals(OptionalInt.of(137), driverJobAfter.lastExit());
                assertTrue(
                        back.get(DRIVER_KILLED).evidence().contains("last after exit 137 (SIGKILL)"),
                        back.get(DRIVER_KILLED).evidence());
                assertEquals(
                        executorJobBefore.restarts(),
                        restarts(stack, EXECUTOR_KILLED).restarts(),
                        "the master started another executor; the driver of " + name(EXECUTOR_KILLED) + " went on");

                runs.awaitSuccess(runId, RUN_TIMEOUT);
                Map<Facet, Long> counts =
                        mongo.awaitCountsOfRun(runId, users, DOCUMENTS_STALL_TIMEOUT, DOCUMENTS_TIMEOUT);
                ids.addAll(mongo.idsOfRun(Facet.PROFILE, runId));
                assertEquals(users, ids.size(), "users of the run in " + Facet.PROFILE.collection());
                for (Facet facet : Facet.values()) {
                    assertEquals(users, counts.get(facet), facet.collection() + ": " + counts);
                    assertEquals(ids, mongo.idsOfRun(facet, runId), "the run's ids in " + facet.collection());
                }
            } finally {
                System.out.println("deleted the test's " + mongo.deleteUsers(ids) + " documents");
            }
        }
    }

    @Test
    void aJobGivenABadSettingIsFailedAfterItsRestartsWhileTheOtherFiveWriteARun() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
        int users = 500;
        try (ScheduledIngestPause pause = ScheduledIngestPause.pause(stack);
                FacetCollections mongo = new FacetCollections(stack.mongoUri())) {
            Set<String> ids = new HashSet<>();
            try {
                stack.faults().stopStreamingJob(BADLY_SET);
                stack.faults().launchStreamingJobWith(BADLY_SET, "--max-offsets-per-trigger", "0");
                BackfillRuns runs = new BackfillRuns(stack.airflowClient());
                String runId = runs.trigger(conf(users, 1, "bad-setting"));
                runs.awaitSuccess(runId, RUN_TIMEOUT);

                Run failed = awaitStatusLine(stack, Pattern.compile("(?m)^" + name(BADLY_SET) + " +down .*FAILED.*$"));
                assertEquals(3, failed.exitCode(), failed.describe());
                assertTrue(
                        Pattern.compile("(?m)^" + name(BADLY_SET) + " +down .*FAILED after 3 restarts in a row, not "
                                        + "restarted again; last exit 2 at \\S+: error: --max-offsets-per-trigger must be at "
                                        + "least 1 \\(see --help\\); \\./pipeline up starts it again$")
                                .matcher(failed.out())
                                .find(),
                        failed.describe());

                Map<Facet, Long> others = mongo.awaitCountsOfRun(
                        runId,
                        users,
                        EnumSet.complementOf(EnumSet.of(BADLY_SET)),
                        DOCUMENTS_STALL_TIMEOUT,
                        DOCUMENTS_TIMEOUT);
                ids.addAll(mongo.idsOfRun(Facet.PROFILE, runId));
                Map<Facet, Long> expected = new EnumMap<>(Facet.class);
                for (Facet facet : Facet.values()) {
                    expected.put(facet, facet == BADLY_SET ? 0L : (long) users);
                }
                assertEquals(expected, others);

                // Started as the stack runs it, the job writes what it missed, from its checkpoint.
                stack.faults().startStreamingJob(BADLY_SET);
                Map<Facet, Long> all = mongo.awaitCountsOfRun(runId, users, DOCUMENTS_STALL_TIMEOUT, DOCUMENTS_TIMEOUT);
                assertEquals(users, all.get(BADLY_SET), all.toString());
                assertEquals(ids, mongo.idsOfRun(BADLY_SET, runId));
            } finally {
                stack.faults().startStreamingJob(BADLY_SET);
                System.out.println("deleted the test's " + mongo.deleteUsers(ids) + " documents");
            }
        }
    }

    private static Map<String, Object> conf(int results, int pages, String seedPrefix) {
        String seed =
                seedPrefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new BackfillRequest(results, pages, seed, List.of(), "any").conf();
    }

    private static String name(Facet facet) {
        return StreamingJobDriver.componentName(facet);
    }

    private static Map<Facet, Long> awaitFirstDocuments(FacetCollections mongo, String runId)
            throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (true) {
            Map<Facet, Long> counts = mongo.countsOfRun(runId);
            if (counts.values().stream().anyMatch(count -> count > 0)) {
                return counts;
            }
            assertTrue(System.nanoTime() < deadline, "no document of run " + runId);
            Thread.sleep(200);
        }
    }

    private static JobRestarts restarts(LocalStack stack, Facet facet) {
        return JobRestarts.read(stack.layout().restartRecord(name(facet))).orElseThrow();
    }

    /**
     * Polls the jobs' status rows until each is up and its {@code runsAgain} holds; fails if one takes longer
     * than {@link #BACK_WITHIN} after the kills. Answers the rows that were up.
     */
    private static Map<Facet, ComponentStatus> awaitRunningAgain(
            LocalStack stack, long killedAt, Map<Facet, Predicate<ComponentStatus>> runsAgain)
            throws InterruptedException {
        Map<Facet, ComponentStatus> back = new EnumMap<>(Facet.class);
        while (true) {
            Map<String, ComponentStatus> rows = new LinkedHashMap<>();
            stack.inspection().status().forEach(row -> rows.put(row.name(), row));
            Duration since = Duration.ofNanos(System.nanoTime() - killedAt);
            runsAgain.forEach((facet, test) -> {
                ComponentStatus row = rows.get(name(facet));
                if (!back.containsKey(facet) && row != null && row.up() && test.test(row)) {
                    System.out.printf(
                            "%s running again %.1f s after the kill: %s%n",
                            name(facet), since.toMillis() / 1000.0, row.evidence());
                    back.put(facet, row);
                }
            });
            if (back.size() == runsAgain.size()) {
                return back;
            }
            assertTrue(
                    since.compareTo(BACK_WITHIN) <= 0,
                    "not running again " + BACK_WITHIN.toSeconds()
                            + " s after the kill: "
                            + runsAgain.keySet().stream()
                                    .filter(facet -> !back.containsKey(facet))
                                    .map(facet -> name(facet) + ": "
                                            + Optional.ofNullable(rows.get(name(facet)))
                                                    .map(ComponentStatus::evidence)
                                                    .orElse("no row"))
                                    .toList());
            Thread.sleep(500);
        }
    }

    private static Run awaitStatusLine(LocalStack stack, Pattern line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            Run status = PipelineScript.run(stack.layout(), "status");
            if (line.matcher(status.out()).find() || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(5000);
        }
    }
}
