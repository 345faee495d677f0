package randomuser.pipeline.streaming.onstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;
import randomuser.pipeline.testsupport.FacetDocumentCheck;

/**
 * The six jobs on the real stack (three brokers, the Spark cluster, the MongoDB-compatible server): seeded
 * users produced by the fetcher reach each of the six collections exactly once, every field as the API
 * response gave it (after the fetcher's normalisation, with dates as BSON dates), with lineage pointing at the
 * very Kafka record, and nothing is dead-lettered.
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SixFacetsIT {
    /** Small on purpose: the local server's upserts slow down as a collection grows, and six jobs share it. */
    private static final SeededUsers USERS = new SeededUsers("it-six-facets", 100, 3, "it-six-facets-run");

    @Test
    void everyProducedUserIsInEachOfTheSixCollectionsOnceWithItsFieldsAndLineage() {
        try (TestRun run = TestRun.create("six facets")) {
            Map<Facet, Map<String, JsonNode>> expected = run.fetcher().dryRun(USERS);
            expected.forEach(
                    (facet, users) -> assertEquals(USERS.count(), users.size(), facet + " users of the dry run"));

            List<TestJob> jobs =
                    Arrays.stream(Facet.values()).map(facet -> run.job(facet)).toList();
            run.start(jobs);
            run.fetcher().produce(USERS);
            run.awaitCounts(jobs, USERS.count(), Duration.ofMinutes(4), Duration.ofMinutes(12));

            Map<Facet, Long> counts = run.counts(Arrays.asList(Facet.values()));
            Map<Facet, Long> exactly = new EnumMap<>(Facet.class);
            Arrays.stream(Facet.values()).forEach(facet -> exactly.put(facet, (long) USERS.count()));
            assertEquals(exactly, counts, "documents per collection");
            for (Facet facet : Facet.values()) {
                assertFacetCollection(run, facet, expected.get(facet));
            }
            assertEquals(0, run.deadLetters().countDocuments(), "dead letters");
        }
    }

    /** Exactly the expected ids; each document equal to its dry-run value and its _ingest to its Kafka record. */
    private static void assertFacetCollection(TestRun run, Facet facet, Map<String, JsonNode> expected) {
        Map<String, Document> stored = new HashMap<>();
        run.collection(facet).find().forEach(document -> stored.put(String.valueOf(document.get("_id")), document));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(stored.keySet()), facet + ": the documents' _ids");

        String topic = run.topic(facet);
        List<Topics.KafkaRecord> records = run.topics().readAll(topic);
        assertEquals(USERS.count(), records.size(), topic + ": records on the topic");
        Map<String, Topics.KafkaRecord> byKey = Topics.latestByKey(records);

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> user : expected.entrySet()) {
            Document document = stored.get(user.getKey());
            // The dry run fetched at another moment; fetched_at is compared with the record actually produced.
            FacetDocumentCheck.valueDifferences(facet, user.getValue(), document, Set.of(Envelope.FETCHED_AT))
                    .forEach(p -> problems.add(user.getKey() + " " + p));
            Topics.KafkaRecord record = byKey.get(user.getKey());
            JsonNode produced = FetcherCli.readValue(record.value());
            FacetDocumentCheck.valueDifferences(facet, produced, document, Set.of())
                    .forEach(p -> problems.add(user.getKey() + " (as produced) " + p));
            FacetDocumentCheck.lineageDifferences(
                            topic, record.partition(), record.offset(), record.timestamp(), USERS.runId(), document)
                    .forEach(p -> problems.add(user.getKey() + " " + p));
        }
        assertEquals(
                List.of(),
                problems.stream().limit(20).toList(),
                facet + ": documents that differ from what was produced");
        assertTypeSpotChecks(facet, expected, stored);
    }

    /**
     * The normalisations the contract names, checked explicitly on top of the field-by-field comparison: BSON
     * dates, postcodes always strings, a null {@code id.value} kept as a present null.
     */
    private static void assertTypeSpotChecks(
            Facet facet, Map<String, JsonNode> expected, Map<String, Document> stored) {
        Document any = stored.values().iterator().next();
        assertTrue(any.get(Envelope.FETCHED_AT) instanceof Date, "fetched_at is a BSON date: " + any);
        switch (facet) {
            case PROFILE ->
                stored.values()
                        .forEach(d -> assertTrue(
                                FacetDocumentCheck.valueAt(d, "dob.date") instanceof Date,
                                "dob.date is a BSON date: " + d));
            case ACCOUNT ->
                stored.values()
                        .forEach(d -> assertTrue(
                                FacetDocumentCheck.valueAt(d, "registered.date") instanceof Date,
                                "registered.date: " + d));
            case LOCATION ->
                stored.values()
                        .forEach(d -> assertTrue(
                                FacetDocumentCheck.valueAt(d, "location.postcode") instanceof String,
                                "postcode is a string: " + d));
            case IDENTITY -> {
                long nullInDryRun = expected.values().stream()
                        .filter(v -> v.path("id").path("value").isNull())
                        .count();
                long nullStored = stored.values().stream()
                        .filter(d -> ((Document) d.get("id")).containsKey("value")
                                && ((Document) d.get("id")).get("value") == null)
                        .count();
                assertTrue(nullInDryRun > 0, "the seed gives users with a null id.value (IR, NZ, TR, UA)");
                assertEquals(nullInDryRun, nullStored, "identities with id.value a present null");
            }
            default -> {}
        }
    }
}
