package randomuser.pipeline.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FacetTest {

    @Test
    void sixFacetsWithDistinctTopicsAndCollections() {
        assertEquals(6, Facet.values().length);
        assertEquals(6, new HashSet<>(Facet.topics()).size());
        assertEquals(6, Arrays.stream(Facet.values()).map(Facet::collection).distinct().count());
        assertEquals(List.of("randomuser.profiles", "randomuser.locations", "randomuser.contacts",
                "randomuser.accounts", "randomuser.identities", "randomuser.pictures"), Facet.topics());
    }

    @Test
    void lookupsResolveByNameTopicAndCollection() {
        assertEquals(Facet.LOCATION, Facet.byName("Location").orElseThrow());
        assertEquals(Facet.IDENTITY, Facet.byTopic("randomuser.identities").orElseThrow());
        assertEquals(Facet.PICTURE, Facet.byCollection("pictures").orElseThrow());
        assertTrue(Facet.byName("password").isEmpty());
    }

    @Test
    void everyApiFieldIsCoveredOnceExceptNatAndNoSecretIsInAnySchema() {
        Set<String> topLevel = new HashSet<>();
        for (Facet facet : Facet.values()) {
            topLevel.addAll(facet.topLevelFields());
            for (FieldSpec field : facet.valueSchema()) {
                for (String secret : Facet.SECRET_LOGIN_FIELDS) {
                    assertTrue(!field.path().equals("login." + secret), field.path());
                }
            }
        }
        assertEquals(Set.of("gender", "name", "location", "email", "login", "dob", "registered", "phone",
                "cell", "id", "picture", "nat"), topLevel);
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
