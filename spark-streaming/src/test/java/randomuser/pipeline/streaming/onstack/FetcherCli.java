package randomuser.pipeline.streaming.onstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.testsupport.FetcherJar;

/**
 * The fetcher jar run as a user runs it ({@code java -jar fetcher.jar}), against the stack's API emulator and
 * brokers, writing to topics under a prefix of the test's own. Its {@code --dry-run} gives the records a run
 * produces for the same seed: the expected documents.
 */
final class FetcherCli {
    /** Exact decimals: the values are re-serialised when tests produce them themselves. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** What one run fetches: users {@code results x pages} for a seed, under a run id. */
    record SeededUsers(String seed, int results, int pages, String runId) {
        int count() {
            return results * pages;
        }
    }

    private final LocalStack stack;
    private final Path workDir;
    private final String topicPrefix;

    FetcherCli(LocalStack stack, Path workDir, String topicPrefix) {
        this.stack = stack;
        this.workDir = workDir;
        this.topicPrefix = topicPrefix;
    }

    /** The records a run would produce, by facet, then by key (user id), in the order the fetcher wrote them. */
    Map<Facet, Map<String, JsonNode>> dryRun(SeededUsers users) {
        return FetcherJar.dryRunRecords(
                run(users, "dry-run", List.of("--dry-run")).stdout(), topicPrefix, JSON);
    }

    /** Produces the users to the six prefixed topics (created by the fetcher if missing); answers its summary line. */
    String produce(SeededUsers users) {
        String summary = run(
                        users,
                        "produce",
                        List.of(
                                "--bootstrap-servers",
                                stack.bootstrapServers(),
                                "--kafka-timeout",
                                "60s",
                                "--partitions",
                                "3"))
                .summary();
        String expected = "users=" + users.count() + " skipped_no_uuid=0 skipped_invalid=0 records_acked="
                + users.count() * Facet.values().length + " records_failed=0";
        if (!summary.contains(expected)) {
            throw new IllegalStateException("the fetcher's summary lacks '" + expected + "': " + summary);
        }
        return summary;
    }

    private FetcherJar.Output run(SeededUsers users, String mode, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--api-url",
                stack.emulatorUrl(),
                "--seed",
                users.seed(),
                "--results",
                Integer.toString(users.results()),
                "--pages",
                Integer.toString(users.pages()),
                "--run-id",
                users.runId(),
                "--topic-prefix",
                topicPrefix));
        arguments.addAll(extra);
        return new FetcherJar(stack.layout().fetcherJar(), workDir, TIMEOUT)
                .run(mode + "-" + users.runId(), List.of("-Xmx256m"), arguments);
    }

    /** A facet value as produced (JSON bytes). */
    static JsonNode readValue(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a produced value that is not JSON", e);
        }
    }
}
