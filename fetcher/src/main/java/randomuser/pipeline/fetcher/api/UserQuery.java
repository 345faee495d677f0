package randomuser.pipeline.fetcher.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import randomuser.pipeline.fetcher.mapping.UserFields;

/**
 * What every page of a run asks the API for; only the page number changes from one request to the next.
 *
 * @param nationalities upper-case codes, empty for the API's random mix
 * @param include       top-level user fields for {@code inc}, empty for all
 * @param exclude       top-level user fields for {@code exc}
 */
public record UserQuery(
        ApiVersion version,
        int results,
        Optional<String> seed,
        List<String> nationalities,
        Optional<String> gender,
        List<String> include,
        List<String> exclude) {

    public PageQuery forPage(int page) {
        return new PageQuery(this, page);
    }

    /** The top-level fields each user of the response must have. */
    public Set<String> requestedFields() {
        return UserFields.requested(include, exclude);
    }
}
