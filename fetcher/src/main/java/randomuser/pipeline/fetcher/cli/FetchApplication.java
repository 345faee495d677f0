package randomuser.pipeline.fetcher.cli;

import java.util.Optional;

import randomuser.pipeline.fetcher.api.ApiInfo;
import randomuser.pipeline.fetcher.api.ApiSettings;
import randomuser.pipeline.fetcher.api.FetchedPage;
import randomuser.pipeline.fetcher.api.PageFetchException;
import randomuser.pipeline.fetcher.api.PageFetcher;
import randomuser.pipeline.fetcher.kafka.BrokersUnreachableException;
import randomuser.pipeline.fetcher.kafka.DryRunSink;
import randomuser.pipeline.fetcher.kafka.KafkaRecordSink;
import randomuser.pipeline.fetcher.kafka.KafkaTarget;
import randomuser.pipeline.fetcher.kafka.RecordSink;
import randomuser.pipeline.fetcher.kafka.TopicNames;
import randomuser.pipeline.fetcher.kafka.TopicSetupException;
import randomuser.pipeline.fetcher.mapping.FacetMapper;
import randomuser.pipeline.fetcher.mapping.PageStamp;
import randomuser.pipeline.fetcher.run.ApiPageSource;
import randomuser.pipeline.fetcher.run.FetchConfig;
import randomuser.pipeline.fetcher.run.FetchRun;
import randomuser.pipeline.fetcher.run.InputPageSource;
import randomuser.pipeline.fetcher.run.InvalidInputException;
import randomuser.pipeline.fetcher.run.PageSource;
import randomuser.pipeline.fetcher.run.RunReport;

/**
 * Wires a validated configuration into a run: the page source (API or saved response), the mapper, the
 * sink (Kafka or stdout), and turns the outcome into an exit code. Progress and the summary go to stderr,
 * so stdout carries nothing but dry-run records.
 */
public final class FetchApplication {

    private final FetchConfig config;
    private final FetcherEnvironment environment;

    public FetchApplication(FetchConfig config, FetcherEnvironment environment) {
        this.config = config;
        this.environment = environment;
    }

    /** Runs the fetch; returns 0 or throws a {@link FetcherException} with the exit code. */
    public int run() throws InterruptedException {
        RunReport report = execute();
        if (report.fetchFailure().isPresent()) {
            PageFetchException failure = report.fetchFailure().get();
            throw failure.kind() == PageFetchException.Kind.NOT_FOUND
                    ? FetcherException.usage(failure.getMessage())
                    : FetcherException.failure(failure.getMessage());
        }
        if (report.unacknowledged() > 0) {
            throw FetcherException.failure(report.unacknowledged() + " of " + report.sent()
                    + " records were not acknowledged"
                    + report.delivery()
                            .firstError()
                            .map(e -> " (first error: " + e + ")")
                            .orElse(""));
        }
        return 0;
    }

    /** Runs the fetch to the configured (possibly prefixed) topics and prints the summary line; setup failures throw. */
    public RunReport execute() throws InterruptedException {
        TopicNames topics = config.kafka().topics();
        PageSource source = openSource();
        FacetMapper mapper = new FacetMapper(
                config.input().isPresent()
                        ? Optional.empty()
                        : Optional.of(config.query().requestedFields()));
        try (RecordSink sink = openSink(topics)) {
            RunReport report = new FetchRun(
                            source,
                            mapper,
                            sink,
                            this::stamp,
                            config.runId(),
                            config.api().concurrency(),
                            environment.stderr())
                    .run();
            environment.stderr().println(report.summaryLine());
            return report;
        }
    }

    private PageSource openSource() {
        if (config.input().isPresent()) {
            try {
                return InputPageSource.read(config.input().get(), environment.stdin(), environment.clock());
            } catch (InvalidInputException e) {
                throw FetcherException.failure(e.getMessage());
            }
        }
        ApiSettings api = config.api();
        PageFetcher fetcher = new PageFetcher(
                PageFetcher.httpClient(api.connectTimeout(), api.readTimeout()),
                api.baseUrl(),
                api.retries(),
                environment.sleeper(),
                (page, attempt, max, problem, delay) -> environment
                        .stderr()
                        .printf(
                                "page %d: attempt %d/%d got %s; retrying in %.1f s%n",
                                page, attempt, max, problem, delay.toMillis() / 1000.0),
                environment.clock());
        return new ApiPageSource(config.query(), config.pages(), fetcher);
    }

    private RecordSink openSink(TopicNames topics) throws InterruptedException {
        if (config.dryRun()) {
            return new DryRunSink(environment.stdout(), topics);
        }
        try {
            KafkaTarget kafka = config.kafka();
            return KafkaRecordSink.open(
                    kafka.bootstrapServers(),
                    kafka.partitions(),
                    kafka.timeout(),
                    "fetcher-" + config.runId().replaceAll("[^A-Za-z0-9._-]", "_"),
                    topics,
                    environment.stderr()::println);
        } catch (BrokersUnreachableException e) {
            throw FetcherException.usage(e.getMessage());
        } catch (TopicSetupException e) {
            throw FetcherException.failure(e.getMessage());
        }
    }

    /** The response's own info wins (it echoes the caller's seed); a saved file may lack it. */
    private PageStamp stamp(FetchedPage page) {
        ApiInfo info = page.body().info();
        return new PageStamp(
                config.runId(),
                page.receivedAt(),
                info.version().orElse(config.query().version().code()),
                info.seed().or(config.query()::seed),
                info.page().orElse(page.page()));
    }
}
