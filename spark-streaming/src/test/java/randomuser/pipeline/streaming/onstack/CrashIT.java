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
import randomuser.pipeline.stack.probe.CheckpointOffsets;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;

/**
 * A driver killed with SIGKILL in the middle of a backlog that takes many micro-batches, then submitted again
 * with its checkpoint: the batch that was running is run again, nothing is lost or duplicated, and the
 * collection ends with exactly one document per produced user.
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class CrashIT {
    private static final SeededUsers USERS = new SeededUsers("it-crash", 500, 4, "it-crash-run");
    /** Small documents: the backlog's cost is the server's upserts, not the payload. */
    private static final Facet FACET = Facet.CONTACT;
    /** 2000 records in batches of at most 150: more than a dozen batches. */
    private static final int MAX_OFFSETS_PER_TRIGGER = 150;
    /** Killed once this many documents are written: a few batches in, most of the backlog still ahead. */
    private static final int KILL_AFTER = 450;

    @Test
    void aDriverKilledMidBacklogResumesFromItsCheckpointAndEndsWithExactlyOneDocumentPerUser() {
        try (TestRun run = TestRun.create("crash")) {
            Set<String> expectedIds =
                    new TreeSet<>(run.fetcher().dryRun(USERS).get(FACET).keySet());
            assertEquals(USERS.count(), expectedIds.size(), "users of the dry run");
            // The backlog is on the topic before the job starts, so every batch is full.
            run.fetcher().produce(USERS);
            TestJob job = run.job(FACET, "--max-offsets-per-trigger", Integer.toString(MAX_OFFSETS_PER_TRIGGER));
            run.start(List.of(job));

            StreamingJobStatus atKill = run.killWithBatchInFlight(
                    job, KILL_AFTER + " documents written", status -> status.totalUpserted() >= KILL_AFTER);
            long storedAtKill = run.collection(FACET).countDocuments();
            // Records of the batches the checkpoint holds as committed (the topic is the run's own: offsets from 0).
            long committedAtKill = CheckpointOffsets.committed(job.checkpointDir(), job.topic())
                    .map(offsets ->
                            offsets.values().stream().mapToLong(Long::longValue).sum())
                    .orElse(0L);
            System.out.println("killed " + job.name() + " (SIGKILL) at " + TestJob.describe(atKill) + "; "
                    + storedAtKill + " documents stored; checkpoint " + Checkpoints.describe(job.checkpointDir())
                    + ", " + committedAtKill + " records committed");
            assertTrue(
                    storedAtKill < USERS.count(), "the kill came after the whole backlog was written: " + storedAtKill);

            run.start(List.of(job));
            run.awaitCounts(List.of(job), USERS.count(), Duration.ofMinutes(4), Duration.ofMinutes(12));
            StreamingJobStatus done = run.awaitCaughtUp(job);

            assertEquals(USERS.count(), run.collection(FACET).countDocuments(), "documents after the restart");
            Set<String> storedIds = new TreeSet<>();
            run.collection(FACET)
                    .find()
                    .projection(new org.bson.Document("_id", 1))
                    .forEach(d -> storedIds.add(String.valueOf(d.get("_id"))));
            assertEquals(expectedIds, storedIds, "the stored users are exactly the produced ones");
            // Resumed from the last committed batch, not from the beginning and not after the batch in flight: the
            // new driver read exactly the records past the committed offsets, the uncommitted batch included.
            long readAfterRestart = job.totalRowsIn();
            assertEquals(
                    USERS.count() - committedAtKill,
                    readAfterRestart,
                    "records the resubmitted driver read; " + TestJob.describe(done));
            assertTrue(committedAtKill > 0, "no batch was committed before the kill");
            assertEquals(0, run.deadLetters().countDocuments(), "dead letters");
        }
    }
}
