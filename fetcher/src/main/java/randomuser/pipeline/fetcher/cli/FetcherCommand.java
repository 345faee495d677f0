package randomuser.pipeline.fetcher.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import randomuser.pipeline.catalogue.DefaultAddresses;
import randomuser.pipeline.catalogue.TopicPolicy;

/** The fetcher's flags. Values are checked by {@link ConfigValidator} before anything runs. */
@Command(name = "fetcher", mixinStandardHelpOptions = true, sortOptions = false,
        version = "randomuser-pipeline fetcher",
        description = {
            "Fetches pages of users from the Random User API and produces each user as six facet records "
                    + "(keyed by login.uuid) to Kafka, or writes them to stdout with --dry-run.",
            "Progress and the summary go to stderr. Exit codes: 0 every page fetched and every record "
                    + "acknowledged, 1 the run failed, 2 bad flags or unreachable Kafka."})
final class FetcherCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "N", defaultValue = "5000",
            description = "Users per page, 1..5000 (the API's limit). Default: ${DEFAULT-VALUE}.")
    int results;

    @Option(names = "--pages", paramLabel = "P", defaultValue = "1",
            description = "Pages to fetch, 1..10000 (the API's page limit). Default: ${DEFAULT-VALUE}.")
    int pages;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "https://randomuser.me",
            description = "API base URL (env RANDOMUSER_API_URL). Default: ${DEFAULT-VALUE}.")
    String apiUrl;

    @Option(names = "--api-version", paramLabel = "V", defaultValue = "1.4",
            description = "Pinned API version: 1.0, 1.1, 1.2, 1.3 or 1.4. Default: ${DEFAULT-VALUE}.")
    String apiVersion;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed for reproducible pages; without it the server's info.seed is recorded.")
    String seed;

    @Option(names = "--nat", paramLabel = "CODES",
            description = "Comma-separated nationality codes of the API version, e.g. gb,fr.")
    String nat;

    @Option(names = "--gender", paramLabel = "male|female",
            description = "Only this gender (the API ignores it with --seed, so the two are exclusive).")
    String gender;

    @Option(names = "--inc", paramLabel = "FIELDS", description = "Comma-separated top-level fields to include.")
    String inc;

    @Option(names = "--exc", paramLabel = "FIELDS", description = "Comma-separated top-level fields to exclude.")
    String exc;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Run id written into every record (the Airflow run id); generated if absent.")
    String runId;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = DefaultAddresses.KAFKA_BOOTSTRAP_SERVERS,
            description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS). Default: ${DEFAULT-VALUE}.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Put before every topic name (e.g. it-3f2a. gives it-3f2a.randomuser.profiles), so tests "
                    + "and benchmarks stay out of the pipeline's topics; letters, digits, '.', '_', '-' "
                    + "(env FETCHER_TOPIC_PREFIX). Default: none.")
    String topicPrefix;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + TopicPolicy.PARTITIONS,
            description = "Partitions of topics the fetcher creates (RF 3, min.insync.replicas 2; existing "
                    + "topics are left alone). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5",
            description = "Attempts per page, 1..100, retries included. Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Pages fetched at once, 1..16; 1 is polite to the public API. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "HTTP connect timeout. Default: ${DEFAULT-VALUE}.")
    Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class, description = "HTTP read timeout. Default: ${DEFAULT-VALUE}.")
    Duration readTimeout;

    @Option(names = "--kafka-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Time allowed for Kafka to answer the reachability check and topic creation. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration kafkaTimeout;

    @Option(names = "--retry-base-delay", paramLabel = "DURATION", defaultValue = "1s",
            converter = DurationConverter.class,
            description = "First backoff delay; it doubles per attempt, with jitter. Default: ${DEFAULT-VALUE}.")
    Duration retryBaseDelay;

    @Option(names = "--retry-max-delay", paramLabel = "DURATION", defaultValue = "300s",
            converter = DurationConverter.class,
            description = "Cap of any wait, Retry-After included. Default: ${DEFAULT-VALUE}.")
    Duration retryMaxDelay;

    @Option(names = "--input", paramLabel = "FILE|-",
            description = "Read one saved API response from FILE (or stdin for -) instead of calling the API.")
    String input;

    @Option(names = "--dry-run",
            description = "Write records to stdout, one JSON per line {\"topic\",\"key\",\"value\"}, instead of Kafka.")
    boolean dryRun;

    private final FetcherEnvironment environment;

    FetcherCommand(FetcherEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new FetchApplication(new ConfigValidator(environment.clock()).validate(this), environment).run();
    }
}
