package randomuser.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.testsupport.FacetDocumentCheck;

/**
 * The pipeline end to end on the real local stack, driven the way a user drives it: a {@code randomuser_backfill}
 * run of 3 pages x 1000 users with a seed of its own, triggered through Airflow's REST API; the users it must
 * have produced, from the fetcher jar run with {@code --dry-run} and the same seed against the same API; then
 * each of the six collections must hold exactly those users, every one carrying the run's id. The same conf
 * triggered again must replace them: still exactly one document per user, now of the second run.
 */
@Timeout(value = 90, unit = TimeUnit.MINUTES)
class EndToEndIT {
    private static final int RESULTS = 1000;
    private static final int PAGES = 3;
    private static final int USERS = RESULTS * PAGES;
    /** Trigger to success: a run may first queue behind another backfill run (max_active_runs=1). */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    /** The documents stop arriving for this long: the pipeline is stuck. */
    private static final Duration DOCUMENTS_STALL_TIMEOUT = Duration.ofMinutes(5);
    /** The run's success to every document in all six collections, at most (a loaded machine is slow). */
    private static final Duration DOCUMENTS_TIMEOUT = Duration.ofMinutes(30);

    private static final int SHOWN_IDS = 5;

    private final Map<String, Duration> timings = new LinkedHashMap<>();

    @Test
    void aSeededBackfillLandsExactlyItsUsersInEveryCollectionAndARerunReplacesThem() throws Exception {
        long testStarted = System.nanoTime();
        LocalStack stack = LocalStack.forProject();
        try {
            long step = System.nanoTime();
            // Everything `./pipeline up --no-trigger` starts: servers, Airflow with its DAGs, topics, the six jobs.
            stack.requireRunning(stack.topology().all());
            timings.put("ensure the stack", since(step));
            try (ScheduledIngestPause pause = ScheduledIngestPause.pause(stack);
                    FacetCollections mongo = new FacetCollections(stack.mongoUri())) {
                Set<String> users = new HashSet<>();
                try {
                    backfillTwiceWithTheSameSeed(stack, mongo, users);
                } finally {
                    // The test's users only: the collections stay small, and every upsert scans its collection.
                    System.out.println("deleted the test's " + mongo.deleteUsers(users) + " documents");
                }
            }
        } finally {
            timings.put("whole test", since(testStarted));
            timings.forEach(
                    (what, time) -> System.out.printf("wall time, %s: %.1f s%n", what, time.toMillis() / 1000.0));
        }
    }

    /** @param users filled with the run's users as soon as they are known, for the caller to delete at the end */
    private void backfillTwiceWithTheSameSeed(LocalStack stack, FacetCollections mongo, Set<String> users)
            throws Exception {
        String seed = "e2e-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> conf = conf(seed);
        BackfillRuns runs = new BackfillRuns(stack.airflowClient());
        runs.requireActive();
        long deadLettersBefore = mongo.deadLetters();

        long step = System.nanoTime();
        String firstRun = runs.trigger(conf);
        // The expected users are computed while Airflow starts the run's task.
        Map<Facet, Map<String, JsonNode>> produced = expectedRecords(stack, seed);
        Set<String> expectedIds = Set.copyOf(produced.get(Facet.PROFILE).keySet());
        users.addAll(expectedIds);
        runs.awaitSuccess(firstRun, RUN_TIMEOUT);
        timings.put("first run: trigger to success", since(step));
        System.out.println("fetcher of " + firstRun + ": " + runs.fetcherSummary(firstRun));

        step = System.nanoTime();
        assertCollectionsHoldExactlyTheRun(stack, runs, mongo, firstRun, expectedIds);
        timings.put("first run: success to every document", since(step));
        assertStoredAsProduced(mongo, produced, firstRun);

        step = System.nanoTime();
        String secondRun = runs.trigger(conf);
        assertNotEquals(firstRun, secondRun, "the second trigger must create a new run");
        runs.awaitSuccess(secondRun, RUN_TIMEOUT);
        timings.put("second run: trigger to success", since(step));

        step = System.nanoTime();
        assertCollectionsHoldExactlyTheRun(stack, runs, mongo, secondRun, expectedIds);
        timings.put("second run: success to every document", since(step));
        assertEquals(
                zeroPerFacet(),
                mongo.countsOfRun(firstRun),
                "documents still carrying the first run's id after the second run replaced them");
        assertStoredAsProduced(mongo, produced, secondRun);

        System.out.println(
                "dead_letters: " + deadLettersBefore + " before the runs, " + mongo.deadLetters() + " after");
        assertEquals(0, mongo.deadLettersMentioning(seed), "dead letters holding records of seed " + seed);
    }

    private static Map<String, Object> conf(String seed) {
        return new BackfillRequest(RESULTS, PAGES, seed, List.of(), "any").conf();
    }

    /** The dry run's records, checked to be the six facets of the same USERS users. */
    private static Map<Facet, Map<String, JsonNode>> expectedRecords(LocalStack stack, String seed) throws Exception {
        Path fetcherJar = stack.layout().fetcherJar();
        Map<Facet, Map<String, JsonNode>> produced = new FetcherDryRun(fetcherJar, stack.emulatorUrl(), Artifacts.dir())
                .records(RESULTS, PAGES, seed, List.of());
        Set<String> users = produced.get(Facet.PROFILE).keySet();
        assertEquals(USERS, users.size(), "distinct users in the dry run");
        for (Facet facet : Facet.values()) {
            assertEquals(users, produced.get(facet).keySet(), "users of the dry run's " + facet.topic() + " records");
        }
        return produced;
    }

    /**
     * Waits (bounded) until every collection holds USERS documents of the run, then: the ids carrying the run id
     * are exactly the expected ones, the expected ids are USERS documents, and each of them carries the run id
     * in its lineage and envelope.
     */
    private static void assertCollectionsHoldExactlyTheRun(
            LocalStack stack, BackfillRuns runs, FacetCollections mongo, String runId, Set<String> expectedIds)
            throws Exception {
        Map<Facet, Long> counts = mongo.awaitCountsOfRun(runId, USERS, DOCUMENTS_STALL_TIMEOUT, DOCUMENTS_TIMEOUT);
        if (counts.values().stream().anyMatch(count -> count != USERS)) {
            throw new AssertionError("the collections did not come to hold exactly " + USERS + " documents of run "
                    + runId + " (no progress for " + DOCUMENTS_STALL_TIMEOUT.toMinutes() + " min, or "
                    + DOCUMENTS_TIMEOUT.toMinutes() + " min in all)\n"
                    + PipelineDiagnostics.of(stack, runs, mongo, runId, USERS));
        }
        for (Facet facet : Facet.values()) {
            String collection = facet.collection();
            Set<String> ofRun = mongo.idsOfRun(facet, runId);
            if (!ofRun.equals(expectedIds)) {
                throw new AssertionError(collection + ": the ids of run " + runId + " are not the dry run's: "
                        + difference(expectedIds, ofRun));
            }
            assertEquals(
                    USERS,
                    mongo.countWithIds(facet, expectedIds),
                    collection + ": countDocuments({_id: {$in: expected}})");

            List<Document> lineage = mongo.lineageOf(facet, expectedIds);
            Set<Object> distinct = new HashSet<>();
            List<String> otherRuns = new ArrayList<>();
            for (Document document : lineage) {
                distinct.add(document.get("_id"));
                Document ingest = document.get("_ingest", Document.class);
                String lineageRun = ingest == null ? null : ingest.getString("run_id");
                if (!runId.equals(lineageRun) || !runId.equals(document.getString("run_id"))) {
                    otherRuns.add(document.get("_id") + " (_ingest.run_id " + lineageRun + ", run_id "
                            + document.getString("run_id") + ")");
                }
            }
            assertEquals(USERS, lineage.size(), collection + ": documents with the expected ids");
            assertEquals(USERS, distinct.size(), collection + ": distinct _ids among them");
            assertEquals(
                    List.of(),
                    otherRuns.subList(0, Math.min(SHOWN_IDS, otherRuns.size())),
                    collection + ": " + otherRuns.size() + " documents not of run " + runId);
        }
        System.out.println("every collection holds exactly the " + USERS + " users of run " + runId);
    }

    /** One user (the first of the second page) in all six collections, field by field against its dry-run records. */
    private static void assertStoredAsProduced(
            FacetCollections mongo, Map<Facet, Map<String, JsonNode>> produced, String runId) {
        String userId = new ArrayList<>(produced.get(Facet.PROFILE).keySet()).get(RESULTS);
        for (Facet facet : Facet.values()) {
            Document stored = mongo.byId(facet, userId);
            if (stored == null) {
                throw new AssertionError(facet.collection() + " has no document " + userId);
            }
            JsonNode record = produced.get(facet).get(userId);
            assertEquals(
                    List.of(),
                    FacetDocumentCheck.dagRunDifferences(facet, record, stored, runId),
                    facet.collection() + " document " + userId + " against its produced record " + record + "\nstored: "
                            + stored.toJson());
        }
        System.out.println("user " + userId + " is stored in all six collections as produced, run " + runId);
    }

    private static String difference(Set<String> expected, Set<String> actual) {
        List<String> missing =
                expected.stream().filter(id -> !actual.contains(id)).sorted().toList();
        List<String> unexpected =
                actual.stream().filter(id -> !expected.contains(id)).sorted().toList();
        return missing.size() + " missing " + missing.subList(0, Math.min(SHOWN_IDS, missing.size())) + ", "
                + unexpected.size() + " unexpected " + unexpected.subList(0, Math.min(SHOWN_IDS, unexpected.size()));
    }

    private static Map<Facet, Long> zeroPerFacet() {
        Map<Facet, Long> zeros = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            zeros.put(facet, 0L);
        }
        return zeros;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
