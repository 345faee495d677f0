package randomuser.pipeline.fetcher.mapping;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/** The API's top-level user fields, derived from the catalogue, and the key every facet is produced under. */
public final class UserFields {

    /** The user's stable identity: the Kafka key of every facet record and the envelope's {@code user_id}. */
    public static final FieldSpec KEY = Facet.ACCOUNT.fields().stream()
            .filter(field -> field.path().equals("login.uuid"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the catalogue's account facet has no login.uuid"));

    private UserFields() {}

    /** Every top-level field the facets are built from, i.e. the names {@code inc}/{@code exc} accept. */
    public static List<String> all() {
        return Arrays.stream(Facet.values())
                .flatMap(facet -> facet.topLevelFields().stream())
                .distinct()
                .toList();
    }

    /** The top-level fields a request with these {@code inc}/{@code exc} lists returns, as the API computes it. */
    public static Set<String> requested(List<String> include, List<String> exclude) {
        Set<String> fields = new LinkedHashSet<>(include.isEmpty() ? all() : include);
        fields.removeAll(exclude);
        return fields;
    }
}
