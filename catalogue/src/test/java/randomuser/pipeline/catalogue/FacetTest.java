package randomuser.pipeline.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class FacetTest {

    @Test
    void sixFacetsWithDistinctTopicsAndCollections() {
        assertEquals(6, Facet.values().length);
        assertEquals(6, new HashSet<>(Facet.topics()).size());
        assertEquals(
                6,
                Arrays.stream(Facet.values()).map(Facet::collection).distinct().count());
        assertEquals(
                List.of(
                        "randomuser.profiles",
                        "randomuser.locations",
                        "randomuser.contacts",
                        "randomuser.accounts",
                        "randomuser.identities",
                        "randomuser.pictures"),
                Facet.topics());
    }

    @Test
    void lookupsResolveByNameTopicAndCollection() {
        assertEquals(Facet.LOCATION, Facet.byName("Location").orElseThrow());
        assertEquals(Facet.IDENTITY, Facet.byTopic("randomuser.identities").orElseThrow());
        assertEquals(Facet.PICTURE, Facet.byCollection("pictures").orElseThrow());
        assertTrue(Facet.byName("password").isEmpty());
    }

    /** Counted, not collected into a set: a field listed in two facets would show up twice here. */
    @Test
    void everyApiFieldIsCoveredOnceExceptNatWhichProfileAndIdentityBothCarry() {
        Map<String, List<Facet>> facetsOfField = new TreeMap<>();
        for (Facet facet : Facet.values()) {
            for (String field : facet.topLevelFields()) {
                facetsOfField.computeIfAbsent(field, f -> new ArrayList<>()).add(facet);
            }
        }
        Map<String, List<Facet>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("gender", List.of(Facet.PROFILE)),
                Map.entry("name", List.of(Facet.PROFILE)),
                Map.entry("dob", List.of(Facet.PROFILE)),
                Map.entry("nat", List.of(Facet.PROFILE, Facet.IDENTITY)),
                Map.entry("location", List.of(Facet.LOCATION)),
                Map.entry("email", List.of(Facet.CONTACT)),
                Map.entry("phone", List.of(Facet.CONTACT)),
                Map.entry("cell", List.of(Facet.CONTACT)),
                Map.entry("login", List.of(Facet.ACCOUNT)),
                Map.entry("registered", List.of(Facet.ACCOUNT)),
                Map.entry("id", List.of(Facet.IDENTITY)),
                Map.entry("picture", List.of(Facet.PICTURE))));
        assertEquals(expected, facetsOfField);
    }

    @Test
    void noSecretLoginFieldIsInAnySchema() {
        List<String> paths = Arrays.stream(Facet.values())
                .flatMap(facet -> facet.valueSchema().stream())
                .map(FieldSpec::path)
                .toList();
        for (String secret : List.of("password", "salt", "md5", "sha1", "sha256")) {
            assertFalse(paths.contains("login." + secret), "login." + secret + " in " + paths);
        }
        assertTrue(paths.contains("login.uuid"), paths.toString());
    }

    @Test
    void onlyIdValueIsNullableAmongFacetFields() {
        List<String> nullable = Arrays.stream(Facet.values())
                .flatMap(f -> f.fields().stream())
                .filter(FieldSpec::nullable)
                .map(FieldSpec::path)
                .toList();
        assertEquals(List.of("id.value"), nullable);
    }

    @Test
    void valueSchemaStartsWithTheEnvelope() {
        List<FieldSpec> schema = Facet.CONTACT.valueSchema();
        assertEquals(Envelope.FIELDS, schema.subList(0, Envelope.FIELDS.size()));
        assertEquals("email", schema.get(Envelope.FIELDS.size()).path());
    }
}
