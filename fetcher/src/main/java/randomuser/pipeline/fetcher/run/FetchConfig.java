package randomuser.pipeline.fetcher.run;

import java.util.Optional;

import randomuser.pipeline.fetcher.api.ApiSettings;
import randomuser.pipeline.fetcher.api.UserQuery;
import randomuser.pipeline.fetcher.kafka.KafkaTarget;

/**
 * A validated fetch: every value has been checked against its allowed range by the command line.
 *
 * @param runId  written into every record (the Airflow run id)
 * @param input  a saved API response to read instead of calling the API ({@code -} for stdin)
 * @param dryRun records go to stdout instead of Kafka (the topics' names still come from {@code kafka})
 */
public record FetchConfig(
        String runId,
        UserQuery query,
        int pages,
        Optional<String> input,
        ApiSettings api,
        KafkaTarget kafka,
        boolean dryRun) {}
