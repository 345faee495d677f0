package randomuser.pipeline.fetcher.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.FieldSpec;
import randomuser.pipeline.catalogue.FieldType;

class FieldNormaliserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FieldNormaliser normaliser = new FieldNormaliser();

    @Test
    void stringsAcceptTextAndIntegersOnly() throws Exception {
        FieldSpec postcode = FieldSpec.required("location.postcode", FieldType.STRING);
        assertEquals(json("\"5449\""), normaliser.normalise(postcode, json("5449")));
        assertEquals(json("\"L7Q 9W3\""), normaliser.normalise(postcode, json("\"L7Q 9W3\"")));
        assertEquals(json("\"123456789012345678901\""), normaliser.normalise(postcode, json("123456789012345678901")));
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(postcode, json("54.49")));
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(postcode, json("{}")));
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(postcode, json("null")));
    }

    @Test
    void nullableFieldsKeepJsonNull() throws Exception {
        FieldSpec idValue = FieldSpec.nullable("id.value", FieldType.STRING);
        JsonNode result = normaliser.normalise(idValue, json("null"));
        assertTrue(result.isNull());
        assertEquals(
                "\"null\"",
                normaliser.normalise(idValue, json("\"null\"")).toString(),
                "a string is passed through untouched");
    }

    @Test
    void integersAcceptIntegralNumbersAndIntegerText() throws Exception {
        FieldSpec age = FieldSpec.required("dob.age", FieldType.INTEGER);
        assertEquals(json("33"), normaliser.normalise(age, json("33")));
        assertEquals(json("33"), normaliser.normalise(age, json("\" 33 \"")));
        assertTrue(normaliser.normalise(age, json("4000000000")).isLong());
        InvalidFieldException error =
                assertThrows(InvalidFieldException.class, () -> normaliser.normalise(age, json("33.5")));
        assertEquals("dob.age is not a valid integer: 33.5", error.getMessage());
    }

    @Test
    void doublesAcceptNumbersAndNumericText() throws Exception {
        FieldSpec latitude = FieldSpec.required("location.coordinates.latitude", FieldType.DOUBLE);
        assertEquals(
                -69.8246, normaliser.normalise(latitude, json("\"-69.8246\"")).doubleValue());
        assertEquals(12.0, normaliser.normalise(latitude, json("12")).doubleValue());
        assertTrue(normaliser.normalise(latitude, json("12")).isDouble());
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(latitude, json("\"NaN\"")));
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(latitude, json("\"\"")));
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(latitude, json("true")));
    }

    @Test
    void timestampsBecomeIsoUtcWithMilliseconds() throws Exception {
        FieldSpec date = FieldSpec.required("dob.date", FieldType.TIMESTAMP);
        assertEquals(
                "1992-03-08T15:13:16.688Z",
                normaliser.normalise(date, json("\"1992-03-08T15:13:16.688Z\"")).asText());
        assertEquals(
                "1992-03-08T15:13:16.000Z",
                normaliser.normalise(date, json("\"1992-03-08T15:13:16Z\"")).asText());
        assertEquals(
                "1992-03-08T14:13:16.688Z",
                normaliser
                        .normalise(date, json("\"1992-03-08T15:13:16.688+01:00\""))
                        .asText());
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(date, json("\"1992-03-08\"")));
        // The canonical shape is not enough: the date and the time must exist.
        assertThrows(
                InvalidFieldException.class, () -> normaliser.normalise(date, json("\"1992-02-30T15:13:16.688Z\"")));
        assertThrows(
                InvalidFieldException.class, () -> normaliser.normalise(date, json("\"1992-03-08T25:13:16.688Z\"")));
        assertEquals(
                "2024-02-29T23:59:59.999Z",
                normaliser.normalise(date, json("\"2024-02-29T23:59:59.999Z\"")).asText());
        assertThrows(
                InvalidFieldException.class, () -> normaliser.normalise(date, json("\"2023-02-29T23:59:59.999Z\"")));
        assertThrows(
                InvalidFieldException.class, () -> normaliser.normalise(date, json("\"1992-03-08T15:13:16.6a8Z\"")));
        // Not the canonical shape, so parsed and written again: blanks are trimmed, a lower-case z is read as Z.
        assertEquals(
                "1992-03-08T15:13:16.688Z",
                normaliser
                        .normalise(date, json("\" 1992-03-08T15:13:16.688Z \""))
                        .asText());
        assertEquals(
                "1992-03-08T15:13:16.688Z",
                normaliser.normalise(date, json("\"1992-03-08T15:13:16.688z\"")).asText());
        assertThrows(InvalidFieldException.class, () -> normaliser.normalise(date, json("700000000")));
    }

    @Test
    void missingRequiredFieldIsReported() {
        FieldSpec email = FieldSpec.required("email", FieldType.STRING);
        InvalidFieldException error = assertThrows(
                InvalidFieldException.class,
                () -> normaliser.normalise(email, com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
        assertEquals("email is missing", error.getMessage());
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }
}
