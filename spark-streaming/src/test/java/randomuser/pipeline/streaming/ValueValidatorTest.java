package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import randomuser.pipeline.catalogue.Facet;

class ValueValidatorTest {

    private static final ValueValidator PROFILE = ValueValidator.of(Facet.PROFILE);
    private static final ObjectNode ADA = FacetValues.profile("u-1", "GB");

    private static String check(ValueValidator validator, String value) {
        return validator.violation(value.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Facet.class)
    void aValueWithEveryCatalogueFieldIsValid(Facet facet) {
        assertNull(
                check(ValueValidator.of(facet), FacetValues.valid(facet, "u-1").toString()));
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertNull(check(PROFILE, FacetValues.with(ADA, v -> v.put("email", "ada@example.com"))));
    }

    @Test
    void nullAndNonUtf8AndNonJsonValues() {
        assertEquals(ValueValidator.NULL_VALUE, PROFILE.violation(null));
        assertEquals(ValueValidator.NOT_UTF8, PROFILE.violation(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
        assertEquals(ValueValidator.NOT_JSON, check(PROFILE, "hello"));
        assertEquals(ValueValidator.NOT_JSON, check(PROFILE, ""));
        assertEquals(ValueValidator.NOT_JSON, check(PROFILE, "{\"user_id\":\"u-1\""));
        assertEquals(ValueValidator.NOT_JSON, check(PROFILE, ADA + " trailing"));
        assertEquals(ValueValidator.DUPLICATE_FIELD, check(PROFILE, "{\"user_id\":\"a\",\"user_id\":\"b\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"user_id\":\"u-1\"}]", "42", "\"text\"", "null"})
    void jsonThatIsNotAnObject(String value) {
        assertEquals(ValueValidator.NOT_AN_OBJECT, check(PROFILE, value));
    }

    @Test
    void missingNullOrBlankUserIdIsReportedAlone() {
        assertEquals(ValueValidator.MISSING_USER_ID, check(PROFILE, FacetValues.with(ADA, v -> v.remove("user_id"))));
        assertEquals(ValueValidator.MISSING_USER_ID, check(PROFILE, FacetValues.with(ADA, v -> v.putNull("user_id"))));
        assertEquals(ValueValidator.MISSING_USER_ID, check(PROFILE, FacetValues.with(ADA, v -> v.put("user_id", " "))));
        assertEquals(ValueValidator.MISSING_USER_ID, check(PROFILE, "{}"));
        assertEquals(
                "field user_id: expected string, got integer",
                check(PROFILE, FacetValues.with(ADA, v -> v.put("user_id", 7))));
    }

    @Test
    void anotherSchemaVersionIsRejectedAsAWhole() {
        assertEquals(
                "unsupported schema_version 2 (expected 1)",
                check(PROFILE, FacetValues.with(ADA, v -> v.put("schema_version", 2))));
        assertEquals(
                "field schema_version: expected integer, got string",
                check(PROFILE, FacetValues.with(ADA, v -> v.put("schema_version", "1"))));
    }

    @Test
    void wrongTypesAreNamedByPath() {
        assertEquals(
                "field dob.age: expected integer, got string",
                check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "dob.age", v.textNode("33")))));
        assertEquals(
                "field dob.age: expected integer, got fractional number",
                check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "dob.age", v.numberNode(33.5)))));
        assertEquals(
                "field dob.age: integer out of 32-bit range",
                check(
                        PROFILE,
                        FacetValues.with(ADA, v -> FacetValues.set(v, "dob.age", v.numberNode(3_000_000_000L)))));
        // Spark's reader would store these as the strings "7" and "{...}": the contract says string.
        assertEquals(
                "field nat: expected string, got integer", check(PROFILE, FacetValues.with(ADA, v -> v.put("nat", 7))));
        assertEquals(
                "field name.first: expected string, got object",
                check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "name.first", v.objectNode()))));
        assertEquals(
                "field gender: expected string, got boolean",
                check(PROFILE, FacetValues.with(ADA, v -> v.put("gender", true))));
        assertEquals(
                "field name: expected object, got string",
                check(PROFILE, FacetValues.with(ADA, v -> v.put("name", "Ada Lovelace"))));
        assertEquals(
                "field source.page: expected integer, got array",
                check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "source.page", v.arrayNode()))));
    }

    @Test
    void timestampsMustBeIsoInstantStrings() {
        // Spark's reader would take a number as epoch seconds.
        assertEquals(
                "field dob.date: expected ISO-8601 timestamp string, got integer",
                check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "dob.date", v.numberNode(660816900)))));
        assertEquals(
                "field dob.date: expected ISO-8601 timestamp, got \"yesterday\"",
                check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "dob.date", v.textNode("yesterday")))));
        assertEquals(
                "field fetched_at: expected ISO-8601 timestamp, got \"2024-03-01T12:00:00\"",
                check(PROFILE, FacetValues.with(ADA, v -> v.put("fetched_at", "2024-03-01T12:00:00"))));
        for (String iso :
                new String[] {"1990-12-10T08:15:00Z", "1990-12-10T08:15:00.123456Z", "1990-12-10T10:15:00+02:00"}) {
            assertNull(
                    check(PROFILE, FacetValues.with(ADA, v -> FacetValues.set(v, "dob.date", v.textNode(iso)))), iso);
        }
    }

    @Test
    void missingAndNullRequiredFieldsAreAllListedInSchemaOrder() {
        assertEquals(
                "field run_id: missing; field name.first: null; field nat: missing",
                check(PROFILE, FacetValues.with(ADA, v -> {
                    v.remove("run_id");
                    FacetValues.set(v, "name.first", v.nullNode());
                    v.remove("nat");
                })));
        assertEquals("field dob: missing", check(PROFILE, FacetValues.with(ADA, v -> v.remove("dob"))));
        assertEquals("field dob: null", check(PROFILE, FacetValues.with(ADA, v -> v.putNull("dob"))));
    }

    @Test
    void nullableFieldsMayBeNullOrAbsentButNotOfAnotherType() {
        ValueValidator identity = ValueValidator.of(Facet.IDENTITY);
        ObjectNode value = FacetValues.valid(Facet.IDENTITY, "u-2");
        assertNull(check(identity, FacetValues.with(value, v -> FacetValues.set(v, "id.value", v.nullNode()))));
        assertNull(check(identity, FacetValues.with(value, v -> FacetValues.remove(v, "id.value"))));
        assertNull(check(identity, FacetValues.with(value, v -> FacetValues.set(v, "id.name", v.textNode("")))));
        assertNull(check(identity, FacetValues.with(value, v -> FacetValues.set(v, "source.seed", v.nullNode()))));
        assertEquals(
                "field id.value: expected string, got integer",
                check(identity, FacetValues.with(value, v -> FacetValues.set(v, "id.value", v.numberNode(12)))));
    }

    @Test
    void coordinatesMustBeNumbersNotTheApisStrings() {
        ValueValidator location = ValueValidator.of(Facet.LOCATION);
        ObjectNode value = FacetValues.valid(Facet.LOCATION, "u-3");
        assertNull(check(
                location,
                FacetValues.with(value, v -> FacetValues.set(v, "location.coordinates.latitude", v.numberNode(7)))));
        assertEquals(
                "field location.coordinates.latitude: expected number, got string",
                check(
                        location,
                        FacetValues.with(
                                value, v -> FacetValues.set(v, "location.coordinates.latitude", v.textNode("-12.5")))));
        assertEquals(
                "field location.postcode: expected string, got integer",
                check(
                        location,
                        FacetValues.with(value, v -> FacetValues.set(v, "location.postcode", v.numberNode(12345)))));
    }
}
