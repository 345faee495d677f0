package randomuser.pipeline.fetcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.fetcher.support.CliRun;
import randomuser.pipeline.fetcher.support.Fixtures;

/** {@code --topic-prefix} / FETCHER_TOPIC_PREFIX: every topic name gets the prefix, checked before anything runs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicPrefixCliTest {

    private static final List<String> PREFIXED = List.of(
            "it-3f2a.randomuser.profiles",
            "it-3f2a.randomuser.locations",
            "it-3f2a.randomuser.contacts",
            "it-3f2a.randomuser.accounts",
            "it-3f2a.randomuser.identities",
            "it-3f2a.randomuser.pictures");

    @TempDir
    Path dir;

    @Test
    void withoutAPrefixRecordsGoToTheCatalogueTopics() throws IOException {
        CliRun run = CliRun.run("--input", fixture(), "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(Facet.topics(), topicsOf(run));
    }

    @Test
    void thePrefixGoesBeforeEveryTopicAndIntoTheSummary() throws IOException {
        CliRun run = CliRun.run("--input", fixture(), "--dry-run", "--topic-prefix", "it-3f2a.");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(PREFIXED, topicsOf(run));
        assertEquals(21 * 6, run.records().size());
        String summary = run.stderrLines().get(run.stderrLines().size() - 1);
        assertTrue(
                summary.contains("[it-3f2a.randomuser.profiles=21 it-3f2a.randomuser.locations=21 "
                        + "it-3f2a.randomuser.contacts=21 it-3f2a.randomuser.accounts=21 it-3f2a.randomuser.identities=21 "
                        + "it-3f2a.randomuser.pictures=21]"),
                summary);
    }

    @Test
    void thePrefixComesFromTheEnvironmentAndTheFlagWins() throws IOException {
        CliRun fromEnv =
                CliRun.run(Map.of("FETCHER_TOPIC_PREFIX", "it-3f2a."), new byte[0], "--input", fixture(), "--dry-run");
        assertEquals(0, fromEnv.exitCode, fromEnv.toString());
        assertEquals(PREFIXED, topicsOf(fromEnv));

        CliRun flagWins = CliRun.run(
                Map.of("FETCHER_TOPIC_PREFIX", "other."),
                new byte[0],
                "--input",
                fixture(),
                "--dry-run",
                "--topic-prefix",
                "it-3f2a.");
        assertEquals(PREFIXED, topicsOf(flagWins));
    }

    @Test
    void aBadPrefixFromTheEnvironmentIsAUsageError() throws IOException {
        CliRun run =
                CliRun.run(Map.of("FETCHER_TOPIC_PREFIX", "it:3f2a."), new byte[0], "--input", fixture(), "--dry-run");
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(
                List.of(
                        "fetcher: --topic-prefix 'it:3f2a.' has the character ':', which Kafka does not allow "
                                + "in topic names; allowed: letters a-z A-Z, digits 0-9, '.', '_', '-' (flag or FETCHER_TOPIC_PREFIX)"),
                run.stderrLines());
        assertEquals("", run.stdout);
    }

    @Test
    void theLongestPrefixKeepsTheLongestTopicAtKafkasLimit() throws IOException {
        String prefix = "A_z-9.".repeat(38);
        CliRun run = CliRun.run("--input", fixture(), "--dry-run", "--topic-prefix", prefix);
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(228, prefix.length());
        assertEquals(249, (prefix + Facet.IDENTITY.topic()).length());
        assertEquals(Facet.topics().stream().map(topic -> prefix + topic).toList(), topicsOf(run));
    }

    private String fixture() throws IOException {
        Path input = dir.resolve("response.json");
        Files.write(input, Fixtures.bytes(Fixtures.ALL_NATIONALITIES));
        return input.toString();
    }

    /** The distinct topics of a dry run, in order of first appearance. */
    private static List<String> topicsOf(CliRun run) {
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        for (JsonNode record : run.records()) {
            topics.add(record.get("topic").asText());
        }
        return new ArrayList<>(topics);
    }
}
