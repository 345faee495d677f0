package randomuser.pipeline.streaming.onstack;

import static com.mongodb.client.model.Filters.gt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;
import randomuser.pipeline.testsupport.FacetDocumentCheck;

/**
 * A job stopped and submitted again with its checkpoint, then the same seeded users produced again (a DAG task
 * retry): the job resumes where it stopped, reads only the new records, and every user stays one document,
 * equal to before but for what a new fetch and a new Kafka record change ({@code fetched_at} and
 * {@code _ingest}), which now point at the newest record.
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ReplayIT {
    private static final SeededUsers USERS = new SeededUsers("it-replay", 100, 3, "it-replay-run");
    /** The facet with the most types: integers, doubles, strings that were numbers. */
    private static final Facet FACET = Facet.LOCATION;

    @Test
    void aRestartedJobAndReProducedUsersLeaveExactlyOneUnchangedDocumentPerUser() {
        try (TestRun run = TestRun.create("replay")) {
            TestJob job = run.job(FACET);
            run.start(List.of(job));
            run.fetcher().produce(USERS);
            run.awaitCounts(List.of(job), USERS.count(), Duration.ofMinutes(3), Duration.ofMinutes(8));
            awaitEverythingCommitted(run, job);
            Map<String, Document> before = documents(run);
            assertEquals(USERS.count(), before.size(), "documents after the first production");
            Date lastFetchBefore = before.values().stream()
                    .map(d -> d.getDate(Envelope.FETCHED_AT))
                    .max(Date::compareTo)
                    .orElseThrow();

            run.stop(job);
            run.start(List.of(job));
            run.fetcher().produce(USERS);
            Await.until(
                    "every " + FACET.collection() + " document replaced by the re-produced record",
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(8),
                    () -> {
                        run.requireRunning(List.of(job));
                        return List.of(
                                run.collection(FACET).countDocuments(gt(Envelope.FETCHED_AT, lastFetchBefore)),
                                run.collection(FACET).countDocuments());
                    },
                    counts -> counts.get(0) == USERS.count(),
                    () -> run.diagnostics(List.of(job)));
            awaitEverythingCommitted(run, job);

            Map<String, Document> after = documents(run);
            assertEquals(before.keySet(), after.keySet(), "the same users, once each");
            List<Topics.KafkaRecord> records = run.topics().readAll(run.topic(FACET));
            assertEquals(2 * USERS.count(), records.size(), "records on the topic: each user produced twice");
            Map<String, Topics.KafkaRecord> newest = Topics.latestByKey(records);

            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Document> entry : after.entrySet()) {
                String id = entry.getKey();
                Document was = withoutReplayedFields(before.get(id));
                Document is = withoutReplayedFields(entry.getValue());
                if (!was.equals(is)) {
                    problems.add(id + ": before " + was.toJson() + ", after " + is.toJson());
                }
                Topics.KafkaRecord record = newest.get(id);
                JsonNode produced = FetcherCli.readValue(record.value());
                FacetDocumentCheck.valueDifferences(FACET, produced, entry.getValue(), Set.of())
                        .forEach(p -> problems.add(id + " " + p));
                FacetDocumentCheck.lineageDifferences(
                                run.topic(FACET),
                                record.partition(),
                                record.offset(),
                                record.timestamp(),
                                USERS.runId(),
                                entry.getValue())
                        .forEach(p -> problems.add(id + " " + p));
            }
            assertEquals(List.of(), problems.stream().limit(20).toList(), "documents changed by the replay");

            // The restarted driver read only the re-produced records: it resumed from the checkpoint.
            StreamingJobStatus status = job.status().orElseThrow();
            assertEquals(
                    USERS.count(), job.totalRowsIn(), "records the restarted driver read; " + TestJob.describe(status));
            assertTrue(status.running(), TestJob.describe(status));
            assertEquals(0, run.deadLetters().countDocuments(), "dead letters");
        }
    }

    /** Before stopping a job: its last batch committed, so that what follows measures the restart alone. */
    private static void awaitEverythingCommitted(TestRun run, TestJob job) {
        Await.until(
                job.name() + " batches committed and no lag",
                Duration.ofSeconds(2),
                Duration.ofMinutes(2),
                Duration.ofMinutes(3),
                () -> Checkpoints.describe(job.checkpointDir()) + ", lag " + lag(job),
                seen -> Checkpoints.allCommitted(job.checkpointDir()) && lag(job).equals("0"),
                () -> run.diagnostics(List.of(job)));
    }

    private static String lag(TestJob job) {
        return job.status()
                .filter(s -> s.lag().isPresent())
                .map(s -> Long.toString(s.lag().getAsLong()))
                .orElse("-");
    }

    private static Map<String, Document> documents(TestRun run) {
        Map<String, Document> documents = new HashMap<>();
        run.collection(FACET).find().forEach(d -> documents.put(String.valueOf(d.get("_id")), d));
        return documents;
    }

    /** What a new fetch and a new record change by nature: the fetch time and the lineage. */
    private static Document withoutReplayedFields(Document document) {
        Document copy = new Document(document);
        copy.remove("_ingest");
        copy.remove(Envelope.FETCHED_AT);
        return copy;
    }
}
