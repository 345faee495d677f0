package randomuser.pipeline.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.testsupport.FetcherJar;

/**
 * The fetcher jar run as a user runs it, with {@code --dry-run}: the records it would produce for a seed,
 * read from its stdout ({@code {"topic","key","value"}} per line). With the same seed, results, pages and
 * nationalities as a DAG run, against the same API, these are exactly the users that run produced.
 */
final class FetcherDryRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final FetcherJar fetcher;
    private final String apiUrl;

    FetcherDryRun(Path fetcherJar, String apiUrl, Path workDir) {
        this.fetcher = new FetcherJar(fetcherJar, workDir, TIMEOUT);
        this.apiUrl = apiUrl;
    }

    /** The records by facet, then by key (user id), in the order the fetcher wrote them. */
    Map<Facet, Map<String, JsonNode>> records(int results, int pages, String seed, List<String> nat) {
        List<String> arguments = new ArrayList<>(List.of(
                "--dry-run",
                "--api-url",
                apiUrl,
                "--results",
                Integer.toString(results),
                "--pages",
                Integer.toString(pages),
                "--seed",
                seed,
                "--run-id",
                "dry-run-" + seed));
        if (!nat.isEmpty()) {
            arguments.addAll(List.of("--nat", String.join(",", nat)));
        }
        return FetcherJar.dryRunRecords(
                fetcher.run("dry-run-" + seed, List.of(), arguments).stdout(), "", JSON);
    }
}
