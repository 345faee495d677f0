package randomuser.pipeline.fetcher.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.catalogue.FieldSpec;

/**
 * Splits one API user into its facet records, driven by the catalogue's field lists: each value holds
 * the envelope plus the facet's fields under the API's own names and nesting, normalised to the
 * catalogue's types. Only catalogue fields are copied, so login secrets can never reach a record.
 *
 * <p>Facets and {@code inc}/{@code exc}: a top-level field absent from the user (not requested) is
 * left out of its facets; a facet none of whose top-level fields is present is not produced; a facet
 * with some of them present is produced with just those fields (absent, not null: null keeps its
 * meaning of "the API said null"). A field that was requested but is absent, or whose value cannot be
 * normalised, makes the whole user invalid, so a user is either produced completely or not at all.
 */
public final class FacetMapper {

    private final FieldNormaliser normaliser = new FieldNormaliser();
    private final Optional<Set<String>> requestedFields;
    /** Each facet's top-level fields and field paths, split once instead of once per user. */
    private final List<FacetPlan> plans = Arrays.stream(Facet.values()).map(FacetPlan::new).toList();

    /**
     * @param requestedFields the top-level fields the request asked for, which must all be present; empty
     *                        when unknown (a saved response), then whatever is present is used
     */
    public FacetMapper(Optional<Set<String>> requestedFields) {
        this.requestedFields = requestedFields;
        for (Facet facet : Facet.values()) {
            for (FieldSpec field : facet.fields()) {
                for (String secret : Facet.SECRET_LOGIN_FIELDS) {
                    if (field.path().equals("login." + secret)) {
                        throw new IllegalStateException("the catalogue lists the secret " + field.path());
                    }
                }
            }
        }
    }

    public UserMapping map(JsonNode user, PageStamp stamp) {
        if (user == null || !user.isObject()) {
            return new UserMapping.Unkeyed("the result is not a JSON object");
        }
        JsonNode key = JsonPaths.get(user, UserFields.KEY.segments());
        if (!key.isTextual() || key.asText().isBlank()) {
            return new UserMapping.Unkeyed("no " + UserFields.KEY.path() + " (" + describe(key) + ")");
        }
        String userId = key.asText();
        if (requestedFields.isPresent()) {
            for (String field : requestedFields.get()) {
                if (!user.has(field)) {
                    return new UserMapping.Invalid(userId, field + " was requested but is missing");
                }
            }
        }
        List<FacetRecord> records = new ArrayList<>(plans.size());
        ObjectNode envelope = stamp.envelope(userId);
        for (FacetPlan plan : plans) {
            try {
                mapFacet(plan, user, userId, envelope).ifPresent(records::add);
            } catch (InvalidFieldException e) {
                return new UserMapping.Invalid(userId, e.getMessage());
            }
        }
        return new UserMapping.Mapped(userId, List.copyOf(records));
    }

    private Optional<FacetRecord> mapFacet(FacetPlan plan, JsonNode user, String userId, ObjectNode envelope)
            throws InvalidFieldException {
        if (plan.topLevelFields().stream().noneMatch(user::has)) {
            return Optional.empty();
        }
        ObjectNode value = envelope.deepCopy();
        for (int i = 0; i < plan.fields().size(); i++) {
            FieldSpec field = plan.fields().get(i);
            List<String> segments = plan.segments().get(i);
            if (!user.has(segments.get(0))) {
                continue;
            }
            JsonPaths.put(value, segments, normaliser.normalise(field, JsonPaths.get(user, segments)));
        }
        return Optional.of(new FacetRecord(plan.facet(), userId, value));
    }

    /** A facet's fields with their path segments, computed once. */
    private record FacetPlan(Facet facet, List<String> topLevelFields, List<FieldSpec> fields,
            List<List<String>> segments) {

        FacetPlan(Facet facet) {
            this(facet, facet.topLevelFields(), facet.fields(),
                    facet.fields().stream().map(field -> List.copyOf(field.segments())).toList());
        }
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "missing";
        }
        return node.isNull() ? "null" : "not a non-empty string: " + node;
    }
}
