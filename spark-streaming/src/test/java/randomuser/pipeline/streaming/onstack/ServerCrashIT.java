package randomuser.pipeline.streaming.onstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;

/**
 * The stack's MongoDB-compatible server killed with SIGKILL while a job works through a backlog, then started
 * again a minute later: the job rides out the outage with its write retries (its status says RETRYING), the
 * writes the server acknowledged before it died are still there (the job committed their offsets and will not
 * write them again), and the collection ends with exactly one document per produced user, none duplicated,
 * nothing dead-lettered.
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ServerCrashIT {
    private static final SeededUsers USERS = new SeededUsers("it-server-crash", 500, 6, "it-server-crash-run");
    private static final Facet FACET = Facet.PROFILE;
    /** 3000 records in batches of at most 200: fifteen batches, so the kill lands between and inside them. */
    private static final int MAX_OFFSETS_PER_TRIGGER = 200;
    /** Killed once this many documents are written: a few batches committed, most of the backlog still ahead. */
    private static final int KILL_AFTER = 600;
    /**
     * Down a minute: the job's writes fail and are retried with backoff (10 attempts, 1 s doubling to 30 s, about
     * two and a half minutes in all), so it rides this out without a query restart.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    private static final Duration STATUS_POLL = Duration.ofMillis(500);

    @Test
    void aServerKilledMidIngestLosesNoAcknowledgedWriteAndTheCollectionEndsExact() {
        try (TestRun run = TestRun.create("server-crash")) {
            Set<String> expectedIds =
                    new TreeSet<>(run.fetcher().dryRun(USERS).get(FACET).keySet());
            assertEquals(USERS.count(), expectedIds.size(), "users of the dry run");
            run.fetcher().produce(USERS);
            TestJob job = run.job(FACET, "--max-offsets-per-trigger", Integer.toString(MAX_OFFSETS_PER_TRIGGER));
            run.start(List.of(job));

            StreamingJobStatus atKill = Await.until(
                    job.name() + " " + KILL_AFTER + " documents written",
                    Duration.ofMillis(100),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(8),
                    () -> job.status().orElse(null),
                    status -> status != null && status.totalUpserted() >= KILL_AFTER,
                    () -> run.diagnostics(List.of(job)));
            run.stack().faults().killMongo();
            System.out.println("killed the MongoDB-compatible server (SIGKILL) at " + TestJob.describe(atKill));
            // The job's status during the outage: its writes fail and are retried, the job stays up.
            Set<String> statesDuringOutage = new TreeSet<>();
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < outageEnds) {
                job.status().ifPresent(status -> statesDuringOutage.add(status.state()));
                Await.sleep(STATUS_POLL);
            }
            run.stack().faults().startMongo();
            System.out.println("states of " + job.name() + " during the " + OUTAGE.toSeconds() + " s outage: "
                    + statesDuringOutage);
            assertTrue(
                    statesDuringOutage.contains("RETRYING"),
                    "the job never said it was retrying: " + statesDuringOutage + "\n" + job.diagnostics());

            // Every upsert the job counted was acknowledged by the server before the kill, so it must be stored.
            long storedAfterRestart = run.collection(FACET).countDocuments();
            assertTrue(
                    storedAfterRestart >= atKill.totalUpserted(),
                    "documents after the restart: " + storedAfterRestart + ", acknowledged before the kill: "
                            + atKill.totalUpserted());

            run.awaitCounts(List.of(job), USERS.count(), Duration.ofMinutes(4), Duration.ofMinutes(12));
            run.awaitCaughtUp(job);

            assertEquals(USERS.count(), run.collection(FACET).countDocuments(), "documents at the end");
            Set<String> storedIds = new TreeSet<>();
            run.collection(FACET)
                    .find()
                    .projection(new org.bson.Document("_id", 1))
                    .forEach(d -> storedIds.add(String.valueOf(d.get("_id"))));
            assertEquals(expectedIds, storedIds, "the stored users are exactly the produced ones");
            assertEquals(0, run.deadLetters().countDocuments(), "dead letters");
            assertTrue(job.pid().isPresent(), "the job rode out the outage without ending:\n" + job.diagnostics());
        }
    }
}
