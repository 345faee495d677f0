package randomuser.pipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;

/** The document check finds each kind of difference, one line each, and none in a faithful document. */
class FacetDocumentCheckTest {
    private static final String FETCHED_AT = "2026-12-05T06:00:00.000Z";
    private static final long KAFKA_TS = Instant.parse("2026-12-05T06:00:01Z").toEpochMilli();

    private static JsonNode produced() throws Exception {
        return new ObjectMapper().readTree("""
                {"user_id": "u-1", "fetched_at": "%s", "run_id": "run-1",
                 "source": {"api_version": "1.4", "seed": null, "page": 1}, "schema_version": 1,
                 "id": {"name": "TFN", "value": null}, "nat": "AU"}""".formatted(FETCHED_AT));
    }

    /** What the job stores for {@link #produced()}: the same fields, dates as BSON dates, and its lineage. */
    private static Document stored() {
        return new Document("_id", "u-1")
                .append("user_id", "u-1")
                .append("fetched_at", Date.from(Instant.parse(FETCHED_AT)))
                .append("run_id", "run-1")
                .append(
                        "source",
                        new Document("api_version", "1.4").append("seed", null).append("page", 1))
                .append("schema_version", 1)
                .append("id", new Document("name", "TFN").append("value", null))
                .append("nat", "AU")
                .append(
                        "_ingest",
                        new Document("topic", "randomuser.identities")
                                .append("partition", 2)
                                .append("offset", 41L)
                                .append("kafka_ts", new Date(KAFKA_TS))
                                .append("run_id", "run-1")
                                .append("written_at", new Date(KAFKA_TS + 500)));
    }

    @Test
    void aFaithfulDocumentHasNoDifference() throws Exception {
        assertEquals(List.of(), FacetDocumentCheck.valueDifferences(Facet.IDENTITY, produced(), stored(), Set.of()));
        assertEquals(
                List.of(),
                FacetDocumentCheck.lineageDifferences("randomuser.identities", 2, 41L, KAFKA_TS, "run-1", stored()));
        assertEquals(List.of(), FacetDocumentCheck.dagRunDifferences(Facet.IDENTITY, produced(), stored(), "run-1"));
    }

    @Test
    void eachDifferenceIsOneLine() throws Exception {
        Document stored = stored();
        stored.append("nat", "FR"); // another value
        stored.get("source", Document.class).append("page", 1L); // another type
        stored.get("id", Document.class).remove("value"); // a present null gone
        stored.append("extra", true); // a field the schema does not have
        stored.put("fetched_at", FETCHED_AT); // a date left as a string

        assertEquals(
                List.of(
                        "fields of the document: expected [_id, user_id, fetched_at, run_id, source, schema_version, id, nat, "
                                + "_ingest] (LinkedHashSet), got [_id, user_id, fetched_at, run_id, source, schema_version, id, "
                                + "nat, _ingest, extra] (LinkedHashSet)",
                        "fields of id: expected [name, value] (LinkedHashSet), got [name] (LinkedHashSet)",
                        "fetched_at: expected " + Date.from(Instant.parse(FETCHED_AT)) + " (Date), got " + FETCHED_AT
                                + " (String)",
                        "source.page: expected 1 (Integer), got 1 (Long)",
                        "id.value: expected a present null, got no field",
                        "nat: expected AU (String), got FR (String)"),
                FacetDocumentCheck.valueDifferences(Facet.IDENTITY, produced(), stored, Set.of()));
    }

    @Test
    void lineageIsComparedWithTheRecordItCameFrom() {
        assertEquals(
                List.of(
                        "_ingest.partition: expected 1 (Integer), got 2 (Integer)",
                        "_ingest.offset: expected 40 (Long), got 41 (Long)",
                        "_ingest.run_id: expected run-2 (String), got run-1 (String)"),
                FacetDocumentCheck.lineageDifferences("randomuser.identities", 1, 40L, KAFKA_TS, "run-2", stored()));
    }

    @Test
    void aDagRunsDocumentMayDifferFromTheDryRunOnlyInRunIdAndFetchedAt() throws Exception {
        Document stored = stored();
        stored.put(Envelope.FETCHED_AT, new Date());
        assertEquals(List.of(), FacetDocumentCheck.dagRunDifferences(Facet.IDENTITY, produced(), stored, "run-1"));
        assertEquals(
                List.of(
                        "run_id: expected manual__1 (String), got run-1 (String)",
                        "_ingest.run_id: expected manual__1 (String), got run-1 (String)"),
                FacetDocumentCheck.dagRunDifferences(Facet.IDENTITY, produced(), stored, "manual__1"));
    }
}
