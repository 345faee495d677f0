package randomuser.pipeline.fetcher.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import okhttp3.HttpUrl;

/** Builds request URLs in the API's documented shape, with the version pinned in the path. */
public final class ApiUrls {

    private ApiUrls() {}

    public static HttpUrl pageUrl(HttpUrl base, PageQuery page) {
        UserQuery query = page.users();
        HttpUrl.Builder url = base.newBuilder()
                .addPathSegment("api")
                .addPathSegment(query.version().code())
                // The trailing empty segment gives "/api/1.4/", the form the documentation uses.
                .addPathSegment("")
                .addQueryParameter("results", Integer.toString(query.results()))
                .addQueryParameter("page", Integer.toString(page.page()));
        query.seed().ifPresent(seed -> url.addQueryParameter("seed", seed));
        if (!query.nationalities().isEmpty()) {
            url.addEncodedQueryParameter("nat", encodedList(query.nationalities()));
        }
        query.gender().ifPresent(gender -> url.addQueryParameter("gender", gender));
        if (!query.include().isEmpty()) {
            url.addEncodedQueryParameter("inc", encodedList(query.include()));
        }
        if (!query.exclude().isEmpty()) {
            url.addEncodedQueryParameter("exc", encodedList(query.exclude()));
        }
        return url.build();
    }

    /** Items encoded one by one, joined by a literal comma as the API documents its lists ("nat=gb,fr"). */
    private static String encodedList(List<String> items) {
        return items.stream()
                .map(item -> URLEncoder.encode(item, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }
}
