package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import randomuser.pipeline.catalogue.Facet;

class FacetBatchTransformTest {

    private static final Timestamp WRITTEN_AT = Timestamp.from(Instant.parse("2024-03-01T12:05:00Z"));
    private static final String PROFILES = Facet.PROFILE.topic();

    private final FacetBatchTransform profiles = new FacetBatchTransform(Facet.PROFILE);

    @Test
    void aValidProfileBecomesOneDocumentWithEnvelopeDatesAndLineage() throws Exception {
        Dataset<Row> batch = new KafkaRecords(PROFILES)
                .add(1, 7, "u-1", FacetValues.profile("u-1", "GB").toString())
                .toDataFrame();
        Dataset<Row> classified = profiles.classify(batch);

        List<String> documents = profiles.documents(classified, WRITTEN_AT).toJSON().collectAsList();

        assertEquals(List.of(FacetValues.JSON.readTree("""
                {"_id":"u-1","user_id":"u-1","fetched_at":"2024-03-01T11:59:58.123Z","run_id":"run-1",
                 "source":{"api_version":"1.4","seed":"abc","page":1},"schema_version":1,
                 "gender":"female","name":{"title":"Ms","first":"Ada","last":"Lovelace"},
                 "dob":{"date":"1990-12-10T08:15:00.000Z","age":33},"nat":"GB",
                 "_ingest":{"topic":"randomuser.profiles","partition":1,"offset":7,
                            "kafka_ts":"2024-03-01T12:00:07.000Z","run_id":"run-1",
                            "written_at":"2024-03-01T12:05:00.000Z"}}""")),
                documents.stream().map(FacetBatchTransformTest::tree).toList());
        assertEquals(List.of(), profiles.deadLetters(classified, WRITTEN_AT).collectAsList());
        assertEquals(new BatchCounts(1, 1, 0), profiles.count(classified));
    }

    @Test
    void documentDatesAreTimestampsSoTheConnectorWritesBsonDates() {
        Dataset<Row> batch = new KafkaRecords(PROFILES)
                .add(0, 1, "u-1", FacetValues.with(FacetValues.profile("u-1", "GB"),
                        v -> ((ObjectNode) v.get("dob")).put("date", "1990-12-10T10:15:00.123456+02:00")))
                .add(0, 2, "u-2", FacetValues.with(FacetValues.profile("u-2", "GB"),
                        v -> ((ObjectNode) v.get("dob")).put("date", "1990-12-10T08:15:00Z")))
                .toDataFrame();
        Dataset<Row> documents = profiles.documents(profiles.classify(batch), WRITTEN_AT);

        StructType schema = documents.schema();
        assertEquals(DataTypes.TimestampType, schema.apply("fetched_at").dataType());
        assertEquals(DataTypes.TimestampType, ((StructType) schema.apply("dob").dataType()).apply("date").dataType());
        assertEquals(DataTypes.TimestampType, ((StructType) schema.apply("_ingest").dataType()).apply("written_at").dataType());
        Map<String, Instant> dobs = new LinkedHashMap<>();
        for (Row row : documents.orderBy("_id").collectAsList()) {
            dobs.put(row.getAs("_id"), row.<Row>getAs("dob").<Timestamp>getAs("date").toInstant());
        }
        assertEquals(Map.of("u-1", Instant.parse("1990-12-10T08:15:00.123456Z"),
                "u-2", Instant.parse("1990-12-10T08:15:00Z")), dobs);
    }

    @ParameterizedTest
    @EnumSource(Facet.class)
    void everyFacetsCatalogueValueParsesIntoADocumentWithEveryLeaf(Facet facet) throws Exception {
        FacetBatchTransform transform = new FacetBatchTransform(facet);
        ObjectNode value = FacetValues.valid(facet, "u-9");
        Dataset<Row> classified = transform.classify(
                new KafkaRecords(facet.topic()).add(0, 3, "u-9", value.toString()).toDataFrame());

        List<String> documents = transform.documents(classified, WRITTEN_AT).toJSON().collectAsList();

        assertEquals(1, documents.size());
        ObjectNode document = (ObjectNode) tree(documents.get(0));
        assertEquals("u-9", document.remove("_id").asText());
        JsonNode ingest = document.remove("_ingest");
        assertEquals(facet.topic(), ingest.get("topic").asText());
        assertEquals(3, ingest.get("offset").asLong());
        // What is left is the value itself, timestamps rendered back in ISO form.
        assertEquals(value, document);
        assertEquals(new BatchCounts(1, 1, 0), transform.count(classified));
    }

    @Test
    void invalidRecordsBecomeDeadLettersWithExactReasonsAndTheStreamsOtherRecordsStay() {
        ObjectNode ada = FacetValues.profile("u-1", "GB");
        Dataset<Row> batch = new KafkaRecords(PROFILES)
                .add(0, 10, "u-1", ada.toString())
                .add(0, 11, "x", "not json at all")
                .add(0, 12, "u-2", FacetValues.with(ada, v -> v.remove("user_id")))
                .add(1, 13, "u-3", FacetValues.with(FacetValues.profile("u-3", "FR"),
                        v -> ((ObjectNode) v.get("dob")).put("age", "33")))
                .add(1, 14, "u-4", FacetValues.with(FacetValues.profile("u-4", "FR"), v -> v.remove("gender")))
                .add(2, 15, "u-5", null)
                .add(2, 16, "u-6", FacetValues.profile("u-6", "NL").toString())
                .toDataFrame();
        Dataset<Row> classified = profiles.classify(batch);

        List<Row> deadLetters = profiles.deadLetters(classified, WRITTEN_AT).orderBy("offset").collectAsList();

        assertEquals(List.of(
                        "randomuser.profiles:0:11|randomuser.profiles|0|11|x|not json at all|value is not JSON",
                        "randomuser.profiles:0:12|randomuser.profiles|0|12|u-2|" + FacetValues.with(ada, v -> v.remove("user_id"))
                                + "|missing user_id",
                        "randomuser.profiles:1:13|randomuser.profiles|1|13|u-3|" + FacetValues.with(FacetValues.profile("u-3", "FR"),
                                v -> ((ObjectNode) v.get("dob")).put("age", "33")) + "|field dob.age: expected integer, got string",
                        "randomuser.profiles:1:14|randomuser.profiles|1|14|u-4|" + FacetValues.with(FacetValues.profile("u-4", "FR"),
                                v -> v.remove("gender")) + "|field gender: missing",
                        "randomuser.profiles:2:15|randomuser.profiles|2|15|u-5|null|value is null"),
                deadLetters.stream().map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getInt(2) + "|" + r.getLong(3)
                        + "|" + r.getString(4) + "|" + r.getString(5) + "|" + r.getString(6)).toList());
        deadLetters.forEach(r -> assertEquals(WRITTEN_AT, r.getTimestamp(7)));
        assertEquals(List.of("_id", "topic", "partition", "offset", "key", "raw_value", "reason", "failed_at"),
                List.of(profiles.deadLetters(classified, WRITTEN_AT).columns()));
        assertEquals(List.of("u-1", "u-6"), ids(profiles.documents(classified, WRITTEN_AT)));
        assertEquals(new BatchCounts(7, 2, 5), profiles.count(classified));
    }

    @Test
    void theHigherOffsetWinsWhenOneUserAppearsTwiceInABatch() {
        Dataset<Row> batch = new KafkaRecords(PROFILES)
                .add(0, 3, "u-1", FacetValues.profile("u-1", "GB").toString())
                .add(0, 9, "u-1", FacetValues.profile("u-1", "FR").toString())
                .add(0, 5, "u-1", FacetValues.profile("u-1", "DE").toString())
                .add(0, 4, "u-2", FacetValues.profile("u-2", "NO").toString())
                .toDataFrame();
        Dataset<Row> classified = profiles.classify(batch);

        List<Row> documents = profiles.documents(classified, WRITTEN_AT).orderBy("_id").collectAsList();

        assertEquals(List.of("u-1 FR 9", "u-2 NO 4"), documents.stream()
                .map(r -> r.getAs("_id") + " " + r.getAs("nat") + " " + r.<Row>getAs("_ingest").<Long>getAs("offset"))
                .toList());
        assertEquals(new BatchCounts(4, 2, 0), profiles.count(classified));
    }

    @Test
    void anInvalidNewerRecordDoesNotHideTheValidOlderOne() {
        Dataset<Row> batch = new KafkaRecords(PROFILES)
                .add(0, 3, "u-1", FacetValues.profile("u-1", "GB").toString())
                .add(0, 4, "u-1", FacetValues.with(FacetValues.profile("u-1", "FR"), v -> v.put("nat", 1)))
                .toDataFrame();
        Dataset<Row> classified = profiles.classify(batch);

        assertEquals(List.of("u-1 GB 3"), profiles.documents(classified, WRITTEN_AT).collectAsList().stream()
                .map(r -> r.getAs("_id") + " " + r.getAs("nat") + " " + r.<Row>getAs("_ingest").<Long>getAs("offset"))
                .toList());
        assertEquals(List.of("randomuser.profiles:0:4 field nat: expected string, got integer"),
                profiles.deadLetters(classified, WRITTEN_AT).collectAsList().stream()
                        .map(r -> r.getAs("_id") + " " + r.getAs("reason")).toList());
    }

    @Test
    void aNullIdValueIsKeptAsNull() {
        FacetBatchTransform identities = new FacetBatchTransform(Facet.IDENTITY);
        ObjectNode value = FacetValues.valid(Facet.IDENTITY, "u-7");
        FacetValues.set(value, "id.value", value.nullNode());
        FacetValues.set(value, "id.name", value.textNode(""));
        Dataset<Row> documents = identities.documents(identities.classify(
                new KafkaRecords(Facet.IDENTITY.topic()).add(0, 0, "u-7", value.toString()).toDataFrame()), WRITTEN_AT);

        Row id = documents.first().getAs("id");
        assertEquals("", id.getAs("name"));
        assertNull(id.getAs("value"));
        assertEquals(true, id.schema().apply("value").nullable());
    }

    @Test
    void withoutTheStrictCheckSparksOwnParseStillCatchesMismatchesInsteadOfStoringNulls() {
        FacetBatchTransform parserOnly = new FacetBatchTransform(Facet.PROFILE, value -> null);
        ObjectNode ada = FacetValues.profile("u-1", "GB");
        Dataset<Row> batch = new KafkaRecords(PROFILES)
                .add(0, 1, "u-1", FacetValues.with(ada, v -> ((ObjectNode) v.get("dob")).put("age", "33")))
                .add(0, 2, "u-1", "not json")
                .add(0, 3, "u-1", FacetValues.with(ada, v -> ((ObjectNode) v.get("dob")).put("date", "yesterday")))
                .add(0, 4, "u-1", FacetValues.with(ada, v -> ((ObjectNode) v.get("name")).remove("first")))
                .add(0, 5, "u-1", ada.toString())
                .toDataFrame();
        Dataset<Row> classified = parserOnly.classify(batch);

        assertEquals(List.of(
                        "1 " + FacetBatchTransform.REJECTED_BY_PARSER,
                        "2 " + FacetBatchTransform.REJECTED_BY_PARSER,
                        "3 field dob.date: null after parsing",
                        "4 field name.first: null after parsing"),
                parserOnly.deadLetters(classified, WRITTEN_AT).orderBy("offset").collectAsList().stream()
                        .map(r -> r.getAs("offset") + " " + r.getAs("reason")).toList());
        assertEquals(List.of("u-1"), ids(parserOnly.documents(classified, WRITTEN_AT)));
    }

    @Test
    void anEmptyBatchHasNothingToWrite() {
        Dataset<Row> classified = profiles.classify(new KafkaRecords(PROFILES).toDataFrame());
        assertEquals(new BatchCounts(0, 0, 0), profiles.count(classified));
        assertEquals(false, profiles.count(classified).hasWrites());
    }

    private static List<String> ids(Dataset<Row> documents) {
        return documents.collectAsList().stream().map(r -> r.<String>getAs("_id")).sorted(Comparator.naturalOrder()).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return FacetValues.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
