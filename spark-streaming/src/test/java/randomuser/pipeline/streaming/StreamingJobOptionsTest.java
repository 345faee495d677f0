package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import randomuser.pipeline.catalogue.Facet;

class StreamingJobOptionsTest {

    private static JobSettings resolve(String... args) {
        CommandLine commandLine = StreamingJob.commandLine();
        commandLine.parseArgs(args);
        return ((StreamingJob) commandLine.getCommand()).resolve();
    }

    /** Runs the command line as main would, without starting Spark (every case fails in resolve). */
    private static String errorOf(int expectedExit, String... args) {
        CommandLine commandLine = StreamingJob.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        assertEquals(expectedExit, commandLine.execute(args));
        return err.toString().strip();
    }

    @Test
    void aFacetBringsItsTopicCollectionAndDefaults() {
        JobSettings settings = resolve("--facet", "Location");
        Path cwd = Path.of("").toAbsolutePath();

        assertEquals(Facet.LOCATION, settings.facet());
        assertEquals("randomuser.locations", settings.topic());
        assertEquals("locations", settings.collection());
        assertEquals("job-location", settings.jobName());
        assertEquals(cwd.resolve("var/checkpoints/location"), settings.checkpointDir());
        assertEquals(cwd.resolve("var/checkpoints/status/location.json"), settings.statusFile());
        // The documented defaults (README, "Configuration"): surefire clears these three variables for unit tests.
        assertEquals("127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292", settings.bootstrapServers());
        assertEquals("mongodb://127.0.0.1:27017", settings.mongoUri());
        assertEquals("randomuser", settings.database());
        assertEquals("1 second", settings.triggerInterval());
        assertEquals(20000, settings.maxOffsetsPerTrigger());
        assertEquals("earliest", settings.startingOffsets());
        assertEquals(true, settings.failOnDataLoss());
        assertEquals(512, settings.writeBulkSize());
        assertEquals(new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30)), settings.writeRetry());
        assertEquals(10, settings.maxRestarts());
    }

    @Test
    void aCatalogueTopicAloneIsEnoughAndEveryOptionCanBeOverridden() {
        JobSettings settings = resolve(
                "--topic",
                "randomuser.pictures",
                "--collection",
                "pictures_v2",
                "--bootstrap-servers",
                "k:9092",
                "--mongodb-uri",
                "mongodb://db:27017",
                "--database",
                "test",
                "--checkpoint-dir",
                "/tmp/cp/pic",
                "--status-file",
                "/tmp/st/pic.json",
                "--trigger-interval",
                "5 seconds",
                "--max-offsets-per-trigger",
                "500",
                "--starting-offsets",
                "latest",
                "--fail-on-data-loss",
                "false",
                "--write-bulk-size",
                "1000");

        assertEquals(Facet.PICTURE, settings.facet());
        assertEquals("pictures_v2", settings.collection());
        assertEquals("k:9092", settings.bootstrapServers());
        assertEquals("mongodb://db:27017", settings.mongoUri());
        assertEquals("test", settings.database());
        assertEquals(Path.of("/tmp/cp/pic"), settings.checkpointDir());
        assertEquals(Path.of("/tmp/st/pic.json"), settings.statusFile());
        assertEquals("5 seconds", settings.triggerInterval());
        assertEquals(500, settings.maxOffsetsPerTrigger());
        assertEquals("latest", settings.startingOffsets());
        assertEquals(false, settings.failOnDataLoss());
        assertEquals(1000, settings.writeBulkSize());
    }

    @Test
    void aFacetWithAnotherTopicKeepsTheFacetsSchema() {
        JobSettings settings = resolve("--facet", "contact", "--topic", "it-42.contacts");
        assertEquals(Facet.CONTACT, settings.facet());
        assertEquals("it-42.contacts", settings.topic());
        assertEquals("contacts", settings.collection());
    }

    @Test
    void mistakesAreOneMessageAndExitCodeTwo() {
        assertEquals(
                "error: say what to stream: --facet NAME (one of profile, location, contact, account, "
                        + "identity, picture) or --topic TOPIC (see --help)",
                errorOf(2));
        assertEquals(
                "error: unknown facet 'password'; one of profile, location, contact, account, identity, "
                        + "picture (see --help)",
                errorOf(2, "--facet", "password"));
        assertEquals(
                "error: topic 'other' is not in the catalogue: add --facet NAME to say which schema its "
                        + "values have (see --help)",
                errorOf(2, "--topic", "other"));
        assertEquals(
                "error: --collection cannot be dead_letters: it holds the invalid records (see --help)",
                errorOf(2, "--facet", "profile", "--collection", "dead_letters"));
        assertEquals(
                "error: --trigger-interval 'soon' is not an interval such as '1 second' (see --help)",
                errorOf(2, "--facet", "profile", "--trigger-interval", "soon"));
        assertEquals(
                "error: --max-offsets-per-trigger must be at least 1 (see --help)",
                errorOf(2, "--facet", "profile", "--max-offsets-per-trigger", "0"));
        assertEquals(
                "error: --write-bulk-size must be at least 1 (see --help)",
                errorOf(2, "--facet", "profile", "--write-bulk-size", "0"));
        assertEquals(
                "error: --starting-offsets must be earliest, latest or a Kafka offsets JSON object (see --help)",
                errorOf(2, "--facet", "profile", "--starting-offsets", "beginning"));
        assertEquals(
                true,
                errorOf(2, "--facet", "profile", "--mongodb-uri", "http://x")
                        .startsWith("error: --mongodb-uri is not a MongoDB connection string: "));
        assertEquals(
                true,
                errorOf(2, "--facet", "profile", "--no-such-option")
                        .startsWith("error: Unknown option: '--no-such-option'"));
    }
}
