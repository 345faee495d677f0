package randomuser.pipeline.streaming.onstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;

/**
 * Records a producer wrote in a Kafka transaction reach the collection only if the transaction commits: a running
 * job given one aborted and then one committed transaction stores exactly the committed users, never reads a
 * record of the aborted one, and catches up to the end of its topic (transaction markers included).
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TransactionsIT {
    private static final SeededUsers ABORTED = new SeededUsers("it-tx-aborted", 100, 1, "it-tx-aborted-run");
    private static final SeededUsers COMMITTED = new SeededUsers("it-tx-committed", 150, 1, "it-tx-committed-run");
    private static final Facet FACET = Facet.ACCOUNT;

    @Test
    void onlyTheCommittedTransactionsUsersAreStored() {
        try (TestRun run = TestRun.create("transactions")) {
            TestJob job = run.job(FACET);
            run.start(List.of(job));
            // Each seed to staging topics of its own, then copied to the job's topic in a transaction.
            run.fetcher("aborted.").produce(ABORTED);
            run.fetcher("committed.").produce(COMMITTED);
            Set<String> committedUsers =
                    run.fetcher("committed.").dryRun(COMMITTED).get(FACET).keySet();
            Set<String> abortedUsers =
                    run.fetcher("aborted.").dryRun(ABORTED).get(FACET).keySet();
            assertTrue(Collections.disjoint(abortedUsers, committedUsers), "the two seeds share users");

            assertEquals(
                    ABORTED.count(),
                    run.topics().copyInAbortedTransaction(toJobTopic(run, "aborted.")),
                    "records written in the aborted transaction");
            assertEquals(
                    COMMITTED.count(),
                    run.topics().copyInOneTransaction(toJobTopic(run, "committed.")),
                    "records written in the committed transaction");

            run.awaitCounts(List.of(job), COMMITTED.count(), Duration.ofMinutes(3), Duration.ofMinutes(5));
            run.awaitCaughtUp(job);
            Set<String> stored =
                    run.collection(FACET).distinct("_id", String.class).into(new HashSet<>());
            assertEquals(Set.of(), minus(stored, committedUsers), "documents of users the committed transaction lacks");
            assertEquals(Set.of(), minus(committedUsers, stored), "committed users without a document");
            assertEquals(COMMITTED.count(), job.totalRowsIn(), "records the job read: none of the aborted ones");
            assertEquals(0, run.deadLetters().countDocuments(), "dead letters");
        }
    }

    /** The staging topic of the facet under {@code staged}, copied to the job's topic. */
    private static Map<String, String> toJobTopic(TestRun run, String staged) {
        return Map.of(run.topic(staged, FACET), run.topic(FACET));
    }

    private static Set<String> minus(Set<String> from, Set<String> taken) {
        Set<String> rest = new TreeSet<>(from);
        rest.removeAll(taken);
        return rest;
    }
}
