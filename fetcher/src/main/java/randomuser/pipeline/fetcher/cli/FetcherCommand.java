package randomuser.pipeline.fetcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import randomuser.pipeline.fetcher.api.ApiSettings;
import randomuser.pipeline.fetcher.api.UserQuery;
import randomuser.pipeline.fetcher.kafka.KafkaTarget;
import randomuser.pipeline.fetcher.run.FetchConfig;
import randomuser.pipeline.fetcher.run.InputPageSource;

/** The fetcher's flags. Every value is checked before anything runs: a bad one is one usage error. */
@Command(
        name = "fetcher",
        sortOptions = false,
        version = "randomuser-pipeline fetcher",
        description = {
            "Fetches pages of users from the Random User API and produces each user as six facet records "
                    + "(keyed by login.uuid) to Kafka, or writes them to stdout with --dry-run.",
            "Progress and the summary go to stderr. Exit codes: 0 every page fetched and every record "
                    + "acknowledged, 1 the run failed, 2 bad flags or unreachable Kafka."
        })
final class FetcherCommand implements Callable<Integer> {

    static final int MAX_PAGES = 10_000;
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    // Each group of flags lives with its default, its check and the setting it becomes; the `order`
    // attributes keep --help in the order a user reads it: what to fetch, where it goes, how.
    @Mixin
    QueryOptions query;

    @Mixin
    ApiOptions api;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--pages",
            paramLabel = "P",
            defaultValue = "1",
            order = 20,
            description = "Pages to fetch, 1..10000 (the API's page limit). Default: ${DEFAULT-VALUE}.")
    int pages;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            order = 100,
            description = "Run id written into every record (the Airflow run id); generated if absent.")
    String runId;

    @Option(
            names = "--input",
            paramLabel = "FILE|-",
            order = 210,
            description = "Read one saved API response from FILE (or stdin for -) instead of calling the API.")
    String input;

    @Option(
            names = "--dry-run",
            order = 220,
            description = "Write records to stdout, one JSON per line {\"topic\",\"key\",\"value\"}, instead of Kafka.")
    boolean dryRun;

    // Declared rather than mixed in (mixinStandardHelpOptions), so that they can come last in --help.
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            order = 230,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            order = 240,
            description = "Print version information and exit.")
    boolean version;

    private final FetcherEnvironment environment;

    FetcherCommand(FetcherEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new FetchApplication(config(), environment).run();
    }

    /** Every flag checked (each problem one usage error naming the flag), as the settings of one run. */
    FetchConfig config() {
        UserQuery userQuery = query.toQuery();
        FlagChecks.range("--pages", pages, 1, MAX_PAGES, " (the API's page limit)");
        ApiSettings apiSettings = api.toSettings();
        KafkaTarget target = kafka.toTarget(dryRun);
        return new FetchConfig(runId(), userQuery, pages, input(), apiSettings, target, dryRun);
    }

    private Optional<String> input() {
        Optional<String> path = FlagChecks.optional(input);
        if (path.isEmpty()) {
            return path;
        }
        if (pages != 1) {
            throw FetcherException.usage("--pages cannot be used with --input: a saved response is one page");
        }
        if (!InputPageSource.STDIN.equals(path.get()) && !Files.isReadable(Path.of(path.get()))) {
            throw FetcherException.usage("--input '" + path.get() + "' is not a readable file (or - for stdin)");
        }
        return path;
    }

    private String runId() {
        return FlagChecks.optional(runId)
                .orElseGet(() -> "fetch-"
                        + RUN_ID_TIME.format(environment.clock().instant()) + "-"
                        + String.format("%08x", ThreadLocalRandom.current().nextInt()));
    }
}
