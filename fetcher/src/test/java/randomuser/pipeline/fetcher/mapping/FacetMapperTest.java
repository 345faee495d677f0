package randomuser.pipeline.fetcher.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import randomuser.pipeline.catalogue.Envelope;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;
import randomuser.pipeline.fetcher.api.ApiVersion;
import randomuser.pipeline.fetcher.support.Fixtures;
import randomuser.pipeline.fetcher.support.JsonLeaves;

class FacetMapperTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PageStamp STAMP =
            new PageStamp("run-42", Instant.parse("2025-01-02T03:04:05.678Z"), "1.4", Optional.of("abc"), 7);
    private static final Set<String> ALL_FIELDS = Set.copyOf(UserFields.all());

    private final FacetMapper mapper = new FacetMapper(Optional.of(ALL_FIELDS));

    /** nat, expected postcode string, expected id.value (null for none). */
    static Stream<Arguments> nationalities() {
        return Stream.of(
                Arguments.of("AU", "5449", "937528544"),
                Arguments.of("BR", "48291", "484.976.736-62"),
                Arguments.of("CA", "L7Q 9W3", "653984419"),
                Arguments.of("CH", "8123", "756.0855.9661.94"),
                Arguments.of("DE", "74521", "26 240387 W 820"),
                Arguments.of("DK", "2300", "031253-6058"),
                Arguments.of("ES", "28013", "17858741-Z"),
                Arguments.of("FI", "40100", "NaNNA230undefined"),
                Arguments.of("FR", "75011", "2920493089248 18"),
                Arguments.of("GB", "NB9Q 1PU", "KW 85 91 00 J"),
                Arguments.of("IE", "12345", "9794987T"),
                Arguments.of("IN", "560001", "913820250353"),
                Arguments.of("IR", "73851", null),
                Arguments.of("MX", "64000", "17 27 79 1615 0"),
                Arguments.of("NL", "7223 FC", "77755655"),
                Arguments.of("NO", "0063", "18094907043"),
                Arguments.of("NZ", "3456", null),
                Arguments.of("RS", "11000", "998827771"),
                Arguments.of("TR", "34000", null),
                Arguments.of("UA", "1001", null),
                Arguments.of("US", "63104", "405-88-3636"));
    }

    @Test
    void theFixtureCoversEveryV14Nationality() {
        assertEquals(
                ApiVersion.V1_4.nationalities(),
                nationalities().map(a -> (String) a.get()[0]).toList());
        assertEquals(
                ApiVersion.V1_4.nationalities(),
                Fixtures.users().stream().map(u -> u.get("nat").asText()).toList());
    }

    @ParameterizedTest
    @MethodSource("nationalities")
    void everyNationalityMapsToSixFacetsWithStableTypes(String nat, String postcode, String idValue) {
        ObjectNode user = Fixtures.user(nat);
        Map<Facet, JsonNode> values = mapAll(user);

        assertEquals(List.of(Facet.values()), new ArrayList<>(values.keySet()));
        JsonNode location = values.get(Facet.LOCATION).get("location");
        assertTrue(location.get("postcode").isTextual(), nat + " postcode must be a string");
        assertEquals(postcode, location.get("postcode").asText());
        assertTrue(location.get("coordinates").get("latitude").isDouble());
        assertEquals(
                Double.parseDouble(user.at("/location/coordinates/latitude").asText()),
                location.get("coordinates").get("latitude").doubleValue());
        assertEquals(
                Double.parseDouble(user.at("/location/coordinates/longitude").asText()),
                location.get("coordinates").get("longitude").doubleValue());
        assertTrue(location.get("timezone").get("offset").isTextual());
        assertEquals(
                user.at("/location/timezone/offset").asText(),
                location.get("timezone").get("offset").asText());
        assertTrue(location.get("street").get("number").isInt());

        JsonNode id = values.get(Facet.IDENTITY).get("id");
        assertTrue(id.has("value"), "id.value must be present even when null");
        if (idValue == null) {
            assertTrue(id.get("value").isNull(), nat + " id.value must be JSON null");
            assertEquals("", id.get("name").asText());
        } else {
            assertTrue(id.get("value").isTextual());
            assertEquals(idValue, id.get("value").asText());
        }
        assertEquals(nat, values.get(Facet.IDENTITY).get("nat").asText());

        JsonNode contact = values.get(Facet.CONTACT);
        assertEquals(user.get("phone").asText(), contact.get("phone").asText());
        assertEquals(user.get("cell").asText(), contact.get("cell").asText());
        assertEquals(
                "1992-03-08T15:13:16.688Z",
                values.get(Facet.PROFILE).at("/dob/date").asText());
        assertEquals(33, values.get(Facet.PROFILE).at("/dob/age").intValue());
        assertEquals(
                "2007-07-09T05:51:59.390Z",
                values.get(Facet.ACCOUNT).at("/registered/date").asText());
    }

    @ParameterizedTest
    @MethodSource("nationalities")
    void everyValueHasExactlyTheEnvelopeAndItsFacetFieldsInApiNesting(String nat) {
        Map<Facet, JsonNode> values = mapAll(Fixtures.user(nat));
        for (Facet facet : Facet.values()) {
            List<String> expected = new ArrayList<>();
            facet.valueSchema().forEach(field -> expected.add(field.path()));
            assertEquals(expected, JsonLeaves.paths(values.get(facet)), facet.facetName());
        }
    }

    @ParameterizedTest
    @MethodSource("nationalities")
    void noSecretIsEverInAnyRecord(String nat) throws Exception {
        for (JsonNode value : mapAll(Fixtures.user(nat)).values()) {
            String serialised = MAPPER.writeValueAsString(value);
            assertFalse(serialised.contains("secret"), serialised);
            assertFalse(serialised.contains("SALT"), serialised);
            for (String secret : Facet.SECRET_LOGIN_FIELDS) {
                assertFalse(serialised.contains("\"" + secret + "\""), secret + " in " + serialised);
            }
        }
    }

    @Test
    void envelopeCarriesUserRunSourceAndSchemaVersion() throws Exception {
        JsonNode contact = mapAll(Fixtures.user("US")).get(Facet.CONTACT);
        assertEquals(MAPPER.readTree("""
                {"user_id":"00000000-0000-4000-8000-000000000021",
                 "fetched_at":"2025-01-02T03:04:05.678Z",
                 "run_id":"run-42",
                 "source":{"api_version":"1.4","seed":"abc","page":7},
                 "schema_version":%d,
                 "email":"jennie.nichols@example.com","phone":"(272) 790-0888","cell":"(489) 330-2385"}
                """.formatted(Envelope.SCHEMA_VERSION)), contact);
    }

    @Test
    void everyRecordIsKeyedByLoginUuid() {
        UserMapping.Mapped mapped = (UserMapping.Mapped) mapper.map(Fixtures.user("DE"), STAMP);
        assertEquals("00000000-0000-4000-8000-000000000005", mapped.userId());
        mapped.records().forEach(record -> {
            assertEquals(mapped.userId(), record.key());
            assertEquals(mapped.userId(), valueOf(record).get(Envelope.USER_ID).asText());
        });
    }

    @Test
    void unknownSeedIsWrittenAsNull() {
        PageStamp noSeed = new PageStamp("r", Instant.EPOCH, "1.4", Optional.empty(), 1);
        UserMapping.Mapped mapped = (UserMapping.Mapped) mapper.map(Fixtures.user("GB"), noSeed);
        JsonNode source = valueOf(mapped.records().get(0)).get(Envelope.SOURCE);
        assertTrue(source.has("seed") && source.get("seed").isNull());
        assertEquals(
                "1970-01-01T00:00:00.000Z",
                valueOf(mapped.records().get(0)).get(Envelope.FETCHED_AT).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IR", "NZ", "TR", "UA"})
    void nullIdValueIsSerialisedAsJsonNullNeverTheString(String nat) throws Exception {
        String identity = MAPPER.writeValueAsString(mapAll(Fixtures.user(nat)).get(Facet.IDENTITY));
        assertTrue(identity.contains("\"id\":{\"name\":\"\",\"value\":null}"), identity);
        assertFalse(identity.contains("\"null\""), identity);
    }

    @Test
    void quirksOfTheLiveApiAreKeptVerbatim() {
        assertEquals(
                "C58 K38-9602",
                mapAll(Fixtures.user("CA")).get(Facet.CONTACT).get("phone").asText());
        assertEquals(
                "(067) Z42-7667",
                mapAll(Fixtures.user("UA")).get(Facet.CONTACT).get("cell").asText());
        assertEquals(
                "08939079",
                mapAll(Fixtures.user("DK")).get(Facet.CONTACT).get("phone").asText());
        assertEquals(
                "Madame",
                mapAll(Fixtures.user("CH")).get(Facet.PROFILE).at("/name/title").asText());
        assertEquals(
                "\u0622\u0631\u0634",
                mapAll(Fixtures.user("IR")).get(Facet.PROFILE).at("/name/first").asText());
        assertEquals(
                "Van den Brand",
                mapAll(Fixtures.user("NL")).get(Facet.PROFILE).at("/name/last").asText());
        assertEquals(
                "Rua Duque de Caxias ",
                mapAll(Fixtures.user("BR"))
                        .get(Facet.LOCATION)
                        .at("/location/street/name")
                        .asText());
        assertEquals(
                "0:00",
                mapAll(Fixtures.user("CA"))
                        .get(Facet.LOCATION)
                        .at("/location/timezone/offset")
                        .asText());
        assertEquals(
                "+5:45",
                mapAll(Fixtures.user("CH"))
                        .get(Facet.LOCATION)
                        .at("/location/timezone/offset")
                        .asText());
    }

    @Test
    void numbersAndDatesInOtherShapesAreNormalised() {
        ObjectNode user = Fixtures.user("US");
        ((ObjectNode) user.get("location")).put("postcode", "02134");
        ((ObjectNode) user.at("/location/coordinates")).put("latitude", 12.5).put("longitude", "-0.0001");
        ((ObjectNode) user.at("/location/street")).put("number", "8929");
        ((ObjectNode) user.get("dob"))
                .put("date", "1992-03-08T16:13:16.688+01:00")
                .put("age", "33");
        ((ObjectNode) user.get("registered")).put("date", "2007-07-09T05:51:59Z");
        Map<Facet, JsonNode> values = mapAll(user);
        JsonNode location = values.get(Facet.LOCATION).get("location");
        assertEquals("02134", location.get("postcode").asText());
        assertEquals(12.5, location.at("/coordinates/latitude").doubleValue());
        assertEquals(-0.0001, location.at("/coordinates/longitude").doubleValue());
        assertEquals(8929, location.at("/street/number").intValue());
        assertEquals(
                "1992-03-08T15:13:16.688Z",
                values.get(Facet.PROFILE).at("/dob/date").asText());
        assertEquals(33, values.get(Facet.PROFILE).at("/dob/age").intValue());
        assertEquals(
                "2007-07-09T05:51:59.000Z",
                values.get(Facet.ACCOUNT).at("/registered/date").asText());
    }

    @Test
    void userWithoutUuidIsUnkeyed() {
        ObjectNode missing = Fixtures.user("FR");
        ((ObjectNode) missing.get("login")).remove("uuid");
        ObjectNode nullUuid = Fixtures.user("FR");
        ((ObjectNode) nullUuid.get("login")).putNull("uuid");
        ObjectNode blankUuid = Fixtures.user("FR");
        ((ObjectNode) blankUuid.get("login")).put("uuid", " ");
        ObjectNode noLogin = Fixtures.user("FR");
        noLogin.remove("login");

        assertEquals(new UserMapping.Unkeyed("no login.uuid (missing)"), mapper.map(missing, STAMP));
        assertEquals(new UserMapping.Unkeyed("no login.uuid (null)"), mapper.map(nullUuid, STAMP));
        assertEquals(
                new UserMapping.Unkeyed("no login.uuid (not a non-empty string: \" \")"), mapper.map(blankUuid, STAMP));
        assertEquals(new UserMapping.Unkeyed("no login.uuid (missing)"), mapper.map(noLogin, STAMP));
        assertEquals(
                new UserMapping.Unkeyed("the result is not a JSON object"),
                mapper.map(MAPPER.getNodeFactory().textNode("x"), STAMP));
    }

    @Test
    void aFieldThatCannotBeNormalisedMakesTheWholeUserInvalid() {
        ObjectNode user = Fixtures.user("GB");
        ((ObjectNode) user.get("location")).put("postcode", true);
        assertEquals(
                new UserMapping.Invalid(
                        "00000000-0000-4000-8000-000000000010", "location.postcode is not a valid string: true"),
                mapper.map(user, STAMP));

        ObjectNode badLatitude = Fixtures.user("GB");
        ((ObjectNode) badLatitude.at("/location/coordinates")).put("latitude", "north");
        assertEquals(
                new UserMapping.Invalid(
                        "00000000-0000-4000-8000-000000000010",
                        "location.coordinates.latitude is not a valid double: \"north\""),
                mapper.map(badLatitude, STAMP));

        ObjectNode noPostcode = Fixtures.user("GB");
        ((ObjectNode) noPostcode.get("location")).remove("postcode");
        assertEquals(
                new UserMapping.Invalid("00000000-0000-4000-8000-000000000010", "location.postcode is missing"),
                mapper.map(noPostcode, STAMP));

        ObjectNode badDate = Fixtures.user("GB");
        ((ObjectNode) badDate.get("dob")).put("date", "yesterday");
        assertEquals(
                new UserMapping.Invalid(
                        "00000000-0000-4000-8000-000000000010", "dob.date is not an ISO-8601 date-time: \"yesterday\""),
                mapper.map(badDate, STAMP));
    }

    @Test
    void aUserInvalidHalfwayThroughAValueLeavesTheNextUsersOfThePageIntact() {
        ObjectNode invalid = Fixtures.user("GB");
        ((ObjectNode) invalid.at("/location/coordinates")).put("latitude", "north");
        List<JsonNode> next = List.of(Fixtures.user("FR"), Fixtures.user("DE"));
        FacetMapper.PageMapping page = mapper.forPage(STAMP);

        assertInstanceOf(UserMapping.Invalid.class, page.map(UserLeaves.of(invalid)));
        for (JsonNode user : next) {
            UserMapping.Mapped afterInvalid = (UserMapping.Mapped) page.map(UserLeaves.of(user));
            UserMapping.Mapped alone = (UserMapping.Mapped) mapper.map(user, STAMP);
            assertEquals(alone.records().size(), afterInvalid.records().size());
            for (int i = 0; i < alone.records().size(); i++) {
                assertEquals(
                        new String(alone.records().get(i).value(), java.nio.charset.StandardCharsets.UTF_8),
                        new String(afterInvalid.records().get(i).value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void nullableIdValueMayBeAbsentWithinId() {
        ObjectNode user = Fixtures.user("NZ");
        ((ObjectNode) user.get("id")).remove("value");
        JsonNode id = mapAll(user).get(Facet.IDENTITY).get("id");
        assertTrue(id.get("value").isNull());
    }

    @Test
    void withIncOnlyFacetsWithAPresentFieldAreProducedAndOnlyWithThoseFields() {
        Set<String> requested = UserFields.requested(List.of("name", "login", "nat"), List.of());
        ObjectNode user = Fixtures.user("ES");
        user.retain(requested);
        UserMapping.Mapped mapped = (UserMapping.Mapped) new FacetMapper(Optional.of(requested)).map(user, STAMP);

        Map<Facet, JsonNode> values = byFacet(mapped);
        assertEquals(List.of(Facet.PROFILE, Facet.ACCOUNT, Facet.IDENTITY), new ArrayList<>(values.keySet()));
        assertEquals(
                envelopeAnd("name.title", "name.first", "name.last", "nat"),
                JsonLeaves.paths(values.get(Facet.PROFILE)));
        assertEquals(envelopeAnd("login.uuid", "login.username"), JsonLeaves.paths(values.get(Facet.ACCOUNT)));
        assertEquals(envelopeAnd("nat"), JsonLeaves.paths(values.get(Facet.IDENTITY)));
    }

    @Test
    void aRequestedFieldMissingFromTheResponseMakesTheUserInvalid() {
        ObjectNode user = Fixtures.user("IE");
        user.remove("picture");
        assertEquals(
                new UserMapping.Invalid("00000000-0000-4000-8000-000000000011", "picture was requested but is missing"),
                mapper.map(user, STAMP));
    }

    @Test
    void withoutAKnownRequestWhateverIsPresentIsMapped() {
        ObjectNode user = Fixtures.user("IE");
        user.remove("picture");
        UserMapping.Mapped mapped = (UserMapping.Mapped) new FacetMapper(Optional.empty()).map(user, STAMP);
        assertEquals(
                List.of(Facet.PROFILE, Facet.LOCATION, Facet.CONTACT, Facet.ACCOUNT, Facet.IDENTITY),
                new ArrayList<>(byFacet(mapped).keySet()));
    }

    @Test
    void theKeyIsTheCatalogueAccountField() {
        assertEquals("login.uuid", UserFields.KEY.path());
        assertTrue(Facet.ACCOUNT.fields().contains(UserFields.KEY));
        assertEquals(
                List.of(
                        "gender",
                        "name",
                        "dob",
                        "nat",
                        "location",
                        "email",
                        "phone",
                        "cell",
                        "login",
                        "registered",
                        "id",
                        "picture"),
                UserFields.all());
    }

    private Map<Facet, JsonNode> mapAll(JsonNode user) {
        UserMapping mapping = mapper.map(user, STAMP);
        return byFacet(assertInstanceOf(UserMapping.Mapped.class, mapping, () -> mapping.toString()));
    }

    private static Map<Facet, JsonNode> byFacet(UserMapping.Mapped mapped) {
        Map<Facet, JsonNode> values = new java.util.LinkedHashMap<>();
        mapped.records().forEach(record -> values.put(record.facet(), valueOf(record)));
        return values;
    }

    private static JsonNode valueOf(FacetRecord record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> envelopeAnd(String... paths) {
        List<String> expected =
                new ArrayList<>(Envelope.FIELDS.stream().map(FieldSpec::path).toList());
        expected.addAll(Arrays.asList(paths));
        return expected;
    }
}
