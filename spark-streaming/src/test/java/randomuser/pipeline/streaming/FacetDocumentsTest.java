package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

class FacetDocumentsTest {

    private static final Date WRITTEN_AT = Date.from(Instant.parse("2024-03-01T12:05:00Z"));
    private static final String PROFILES = Facet.PROFILE.topic();
    /** The stored BSON decoded as a client reads it back: int32 as Integer, a BSON date as Date, and so on. */
    private static final DocumentCodec AS_READ_BACK = new DocumentCodec();

    private final FacetDocuments profiles = new FacetDocuments(Facet.PROFILE);

    private static KafkaRecord record(String topic, int partition, long offset, String key, String value) {
        return new KafkaRecord(
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                topic,
                partition,
                offset,
                Instant.parse("2024-03-01T12:00:00Z").plusSeconds(offset).toEpochMilli());
    }

    private static Date date(String iso) {
        return Date.from(Instant.parse(iso));
    }

    @Test
    void aValidProfileBecomesOneDocumentWithTypedFieldsBsonDatesAndLineage() {
        FacetDocuments.Stored stored = profiles.convert(
                record(PROFILES, 1, 7, "u-1", FacetValues.profile("u-1", "GB").toString()), WRITTEN_AT.getTime());

        FacetDocuments.UserDocument document = assertInstanceOf(FacetDocuments.UserDocument.class, stored);
        assertEquals("u-1", document.userId());
        // Document equality compares values with their Java types: Integer (int32), Date (BSON date), etc.
        assertEquals(
                new Document("_id", "u-1")
                        .append("user_id", "u-1")
                        .append("fetched_at", date("2024-03-01T11:59:58.123Z"))
                        .append("run_id", "run-1")
                        .append(
                                "source",
                                new Document("api_version", "1.4")
                                        .append("seed", "abc")
                                        .append("page", 1))
                        .append("schema_version", 1)
                        .append("gender", "female")
                        .append(
                                "name",
                                new Document("title", "Ms")
                                        .append("first", "Ada")
                                        .append("last", "Lovelace"))
                        .append("dob", new Document("date", date("1990-12-10T08:15:00Z")).append("age", 33))
                        .append("nat", "GB")
                        .append(
                                "_ingest",
                                new Document("topic", "randomuser.profiles")
                                        .append("partition", 1)
                                        .append("offset", 7L)
                                        .append("kafka_ts", date("2024-03-01T12:00:07Z"))
                                        .append("run_id", "run-1")
                                        .append("written_at", WRITTEN_AT)),
                document.document().decode(AS_READ_BACK));
        assertEquals(
                List.of(
                        "_id",
                        "user_id",
                        "fetched_at",
                        "run_id",
                        "source",
                        "schema_version",
                        "gender",
                        "name",
                        "dob",
                        "nat",
                        "_ingest"),
                List.copyOf(document.document().decode(AS_READ_BACK).keySet()));
    }

    @Test
    void datesWithAnOffsetOrWithoutFractionBecomeTheSameInstantToTheMillisecond() {
        Document withOffset = ((FacetDocuments.UserDocument) profiles.convert(
                        record(
                                PROFILES,
                                0,
                                1,
                                "u-1",
                                FacetValues.with(
                                        FacetValues.profile("u-1", "GB"),
                                        v -> ((ObjectNode) v.get("dob"))
                                                .put("date", "1990-12-10T10:15:00.123456+02:00"))),
                        WRITTEN_AT.getTime()))
                .document()
                .decode(AS_READ_BACK);
        Document whole = ((FacetDocuments.UserDocument) profiles.convert(
                        record(
                                PROFILES,
                                0,
                                2,
                                "u-2",
                                FacetValues.with(
                                        FacetValues.profile("u-2", "GB"),
                                        v -> ((ObjectNode) v.get("dob")).put("date", "1990-12-10T08:15:00Z"))),
                        WRITTEN_AT.getTime()))
                .document()
                .decode(AS_READ_BACK);

        // A BSON date holds milliseconds: the microseconds are cut, as MongoDB itself would store them.
        assertEquals(
                date("1990-12-10T08:15:00.123Z"),
                withOffset.get("dob", Document.class).get("date"));
        assertEquals(
                date("1990-12-10T08:15:00Z"), whole.get("dob", Document.class).get("date"));
    }

    @ParameterizedTest
    @EnumSource(Facet.class)
    void everyFacetsCatalogueValueBecomesADocumentWithEveryLeafInItsType(Facet facet) {
        ObjectNode value = FacetValues.valid(facet, "u-9");
        Document document = ((FacetDocuments.UserDocument) new FacetDocuments(facet)
                        .convert(record(facet.topic(), 0, 3, "u-9", value.toString()), WRITTEN_AT.getTime()))
                .document()
                .decode(AS_READ_BACK);

        assertEquals("u-9", document.get("_id"));
        assertEquals(facet.topic(), document.get("_ingest", Document.class).get("topic"));
        for (FieldSpec field : facet.valueSchema()) {
            Object stored = document.getEmbedded(field.segments(), Object.class);
            Object expected = switch (field.type()) {
                case STRING -> FacetValues.nodeAt(value, field.path()).textValue();
                case INTEGER -> FacetValues.nodeAt(value, field.path()).intValue();
                case DOUBLE -> FacetValues.nodeAt(value, field.path()).doubleValue();
                case TIMESTAMP -> date(FacetValues.nodeAt(value, field.path()).textValue());
            };
            assertEquals(expected, stored, field.path());
        }
    }

    @Test
    void invalidRecordsBecomeDeadLettersWithExactReasons() {
        ObjectNode ada = FacetValues.profile("u-1", "GB");
        String withoutUserId = FacetValues.with(ada, v -> v.remove("user_id"));
        String ageAsText =
                FacetValues.with(FacetValues.profile("u-3", "FR"), v -> ((ObjectNode) v.get("dob")).put("age", "33"));
        String withoutGender = FacetValues.with(FacetValues.profile("u-4", "FR"), v -> v.remove("gender"));
        List<KafkaRecord> records = List.of(
                record(PROFILES, 0, 11, "x", "not json at all"),
                record(PROFILES, 0, 12, "u-2", withoutUserId),
                record(PROFILES, 1, 13, "u-3", ageAsText),
                record(PROFILES, 1, 14, "u-4", withoutGender),
                record(PROFILES, 2, 15, "u-5", null),
                record(PROFILES, 2, 16, null, "[1]"));

        List<Document> deadLetters = records.stream()
                .map(r -> assertInstanceOf(FacetDocuments.DeadLetter.class, profiles.convert(r, WRITTEN_AT.getTime()))
                        .document()
                        .decode(AS_READ_BACK))
                .toList();

        assertEquals(
                List.of(
                        deadLetter("randomuser.profiles:0:11", 0, 11, "x", "not json at all", "value is not JSON"),
                        deadLetter("randomuser.profiles:0:12", 0, 12, "u-2", withoutUserId, "missing user_id"),
                        deadLetter(
                                "randomuser.profiles:1:13",
                                1,
                                13,
                                "u-3",
                                ageAsText,
                                "field dob.age: expected integer, got string"),
                        deadLetter("randomuser.profiles:1:14", 1, 14, "u-4", withoutGender, "field gender: missing"),
                        deadLetter("randomuser.profiles:2:15", 2, 15, "u-5", null, "value is null"),
                        deadLetter("randomuser.profiles:2:16", 2, 16, null, "[1]", "value is not a JSON object")),
                deadLetters);
        assertEquals(
                List.of("_id", "topic", "partition", "offset", "key", "raw_value", "reason", "failed_at"),
                List.copyOf(deadLetters.get(0).keySet()));
    }

    private static Document deadLetter(
            String id, int partition, long offset, String key, String rawValue, String reason) {
        return new Document("_id", id)
                .append("topic", PROFILES)
                .append("partition", partition)
                .append("offset", offset)
                .append("key", key)
                .append("raw_value", rawValue)
                .append("reason", reason)
                .append("failed_at", WRITTEN_AT);
    }

    @Test
    void aValueThatIsNotUtf8IsADeadLetterWithItsReadableParts() {
        byte[] value = {'{', (byte) 0xC3, '}'};
        Document deadLetter = assertInstanceOf(
                        FacetDocuments.DeadLetter.class,
                        profiles.convert(new KafkaRecord(null, value, PROFILES, 0, 1, 0), WRITTEN_AT.getTime()))
                .document()
                .decode(AS_READ_BACK);

        assertEquals(ValueValidator.NOT_UTF8, deadLetter.get("reason"));
        assertEquals("{\uFFFD}", deadLetter.get("raw_value"));
        assertNull(deadLetter.get("key"));
        assertTrue(deadLetter.containsKey("key"));
    }

    @Test
    void aNullIdValueIsKeptAsAPresentNullAndUnknownFieldsAreLeftOut() {
        ObjectNode value = FacetValues.valid(Facet.IDENTITY, "u-7");
        FacetValues.set(value, "id.value", value.nullNode());
        FacetValues.set(value, "id.name", value.textNode(""));
        value.put("added_later_by_a_producer", "x");

        Document document = ((FacetDocuments.UserDocument) new FacetDocuments(Facet.IDENTITY)
                        .convert(record(Facet.IDENTITY.topic(), 0, 0, "u-7", value.toString()), WRITTEN_AT.getTime()))
                .document()
                .decode(AS_READ_BACK);

        Document id = document.get("id", Document.class);
        assertEquals(List.of("name", "value"), List.copyOf(id.keySet()));
        assertEquals("", id.get("name"));
        assertNull(id.get("value"));
        assertTrue(!document.containsKey("added_later_by_a_producer"));
    }

    @Test
    void integralCoordinatesAreStoredAsDoubles() {
        ObjectNode value = FacetValues.valid(Facet.LOCATION, "u-8");
        FacetValues.set(value, "location.coordinates.latitude", value.numberNode(52));

        Document document = ((FacetDocuments.UserDocument) new FacetDocuments(Facet.LOCATION)
                        .convert(record(Facet.LOCATION.topic(), 0, 0, "u-8", value.toString()), WRITTEN_AT.getTime()))
                .document()
                .decode(AS_READ_BACK);

        assertEquals(52.0, document.getEmbedded(List.of("location", "coordinates", "latitude"), Object.class));
    }
}
