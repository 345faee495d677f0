package randomuser.pipeline.fetcher.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import randomuser.pipeline.fetcher.api.ApiVersion;
import randomuser.pipeline.fetcher.api.PageQuery;
import randomuser.pipeline.fetcher.kafka.TopicNames;
import randomuser.pipeline.fetcher.mapping.UserFields;

/**
 * A validated fetch: every value has been checked against its allowed range by the command line.
 *
 * @param topicPrefix put before every catalogue topic name ({@code ""}: the catalogue's own topics)
 * @param input       a saved API response to read instead of calling the API ({@code -} for stdin)
 */
public record FetchConfig(
        HttpUrl apiUrl,
        ApiVersion apiVersion,
        int results,
        int pages,
        Optional<String> seed,
        List<String> nationalities,
        Optional<String> gender,
        List<String> include,
        List<String> exclude,
        String runId,
        String bootstrapServers,
        String topicPrefix,
        int partitions,
        int maxAttempts,
        int concurrency,
        Duration connectTimeout,
        Duration readTimeout,
        Duration kafkaTimeout,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Optional<String> input,
        boolean dryRun) {

    public PageQuery queryFor(int page) {
        return new PageQuery(apiVersion, results, page, seed, nationalities, gender, include, exclude);
    }

    /** The topics this run produces to. */
    public TopicNames topics() {
        return TopicNames.prefixed(topicPrefix);
    }

    /** The top-level fields each user of the response must have. */
    public Set<String> requestedFields() {
        return UserFields.requested(include, exclude);
    }
}
