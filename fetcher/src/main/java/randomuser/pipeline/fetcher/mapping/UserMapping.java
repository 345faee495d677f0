package randomuser.pipeline.fetcher.mapping;

import java.util.List;

/** The result of mapping one API user: its facet records, or why it is not produced. */
public sealed interface UserMapping {

    /** A keyed, valid user: one record per facet the response carried. */
    record Mapped(String userId, List<FacetRecord> records) implements UserMapping {}

    /** No usable {@code login.uuid}: the user cannot be keyed. */
    record Unkeyed(String reason) implements UserMapping {}

    /** A keyed user with a field that cannot be normalised: none of its facets is produced. */
    record Invalid(String userId, String reason) implements UserMapping {}
}
