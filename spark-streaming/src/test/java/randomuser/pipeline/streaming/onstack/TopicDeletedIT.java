package randomuser.pipeline.streaming.onstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;

/**
 * The job's topic deleted and created again under it (its offsets start from 0 again, the checkpoint's are
 * ahead): with {@code --fail-on-data-loss true}, the default, the job does not skip or re-read silently. It ends
 * FAILED, its status naming the topic and the lost data, its driver gone, and the collection holds exactly the
 * users written before, none of the new topic's.
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TopicDeletedIT {
    private static final SeededUsers BEFORE = new SeededUsers("it-topic-deleted", 100, 1, "it-topic-deleted-run");
    private static final SeededUsers AFTER = new SeededUsers("it-topic-recreated", 50, 1, "it-topic-recreated-run");
    private static final Facet FACET = Facet.IDENTITY;

    @Test
    void aTopicDeletedAndCreatedAgainUnderARunningJobFailsItWithTheReason() {
        try (TestRun run = TestRun.create("topic-deleted")) {
            run.fetcher().produce(BEFORE);
            TestJob job = run.job(FACET);
            run.start(List.of(job));
            run.awaitCounts(List.of(job), BEFORE.count(), Duration.ofMinutes(3), Duration.ofMinutes(6));
            Await.until(
                    job.name() + " committed every record",
                    Duration.ofMillis(500),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(3),
                    () -> Checkpoints.describe(job.checkpointDir()),
                    described -> Checkpoints.allCommitted(job.checkpointDir()),
                    () -> run.diagnostics(List.of(job)));

            String topic = run.topic(FACET);
            assertEquals(Set.of(topic), run.topics().deleteAllWithPrefix(topic), "topics deleted");
            // The fetcher creates it again (same partitions, RF 3) and writes fewer records than before.
            run.fetcher().produce(AFTER);

            StreamingJobStatus failed = Await.until(
                    job.name() + " FAILED",
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(5),
                    () -> job.status().orElse(null),
                    status -> status != null && "FAILED".equals(status.state()),
                    () -> run.diagnostics(List.of(job)));
            System.out.println(job.name() + " after its topic was deleted and created again: "
                    + TestJob.describe(failed) + "; error: " + failed.error());
            assertTrue(failed.error().startsWith("query failed: "), failed.error());
            assertTrue(failed.error().contains("Partition " + topic + "-"), failed.error());
            assertTrue(failed.error().contains("some data may have been missed"), failed.error());
            Await.until(
                    job.name() + "'s driver gone",
                    Duration.ofMillis(500),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(2),
                    () -> job.pid().isPresent(),
                    running -> !running,
                    () -> run.diagnostics(List.of(job)));
            assertEquals(
                    BEFORE.count(), run.collection(FACET).countDocuments(), "documents: the users written before only");
            assertEquals(0, run.deadLetters().countDocuments(), "dead letters");
        }
    }
}
