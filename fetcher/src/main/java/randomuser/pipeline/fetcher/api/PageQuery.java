package randomuser.pipeline.fetcher.api;

import java.util.List;
import java.util.Optional;

/**
 * The parameters of one API request: {@code GET {api}/api/{version}/?results=..&page=..&seed=..&nat=..}.
 *
 * @param nationalities upper-case codes, empty for the API's random mix
 * @param include       top-level user fields for {@code inc}, empty for all
 * @param exclude       top-level user fields for {@code exc}
 */
public record PageQuery(
        ApiVersion version,
        int results,
        int page,
        Optional<String> seed,
        List<String> nationalities,
        Optional<String> gender,
        List<String> include,
        List<String> exclude) {
}
