package randomuser.pipeline.fetcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import randomuser.pipeline.fetcher.support.CliRun;
import randomuser.pipeline.fetcher.support.Fixtures;

/** Every bad flag: one line naming the flag and what it accepts, exit code 2, nothing fetched or produced. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlagValidationTest {

    private static final String V14_NATS =
            "AU, BR, CA, CH, DE, DK, ES, FI, FR, GB, IE, IN, IR, MX, NL, NO, NZ, RS, TR, UA, US";
    private static final String TOPIC_CHARACTERS =
            "which Kafka does not allow in topic names; allowed: letters a-z A-Z, "
                    + "digits 0-9, '.', '_', '-' (flag or FETCHER_TOPIC_PREFIX)";
    private static final String FIELDS =
            "gender, name, dob, nat, location, email, phone, cell, login, registered, id, picture";

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of(
                        List.of("--results", "0"), "--results must be between 1 and 5000 (the API's limit), got 0"),
                Arguments.of(
                        List.of("--results", "5001"),
                        "--results must be between 1 and 5000 (the API's limit), got 5001"),
                Arguments.of(
                        List.of("--results", "many"),
                        "Invalid value for option '--results': 'many' is not an int (see --help)"),
                Arguments.of(
                        List.of("--pages", "0"), "--pages must be between 1 and 10000 (the API's page limit), got 0"),
                Arguments.of(
                        List.of("--pages", "10001"),
                        "--pages must be between 1 and 10000 (the API's page limit), got 10001"),
                Arguments.of(
                        List.of("--nat", "gb,xx"),
                        "--nat 'xx' is not a nationality of API version 1.4; allowed: " + V14_NATS),
                Arguments.of(
                        List.of("--nat", "gb,,fr"), "--nat 'gb,,fr' has an empty item; use a comma-separated list"),
                Arguments.of(
                        List.of("--api-version", "1.3", "--nat", "in"),
                        "--nat 'in' is not a nationality of API version 1.3; "
                                + "allowed: AU, BR, CA, CH, DE, DK, ES, FI, FR, GB, IE, IR, NO, NL, NZ, TR, US"),
                Arguments.of(
                        List.of("--api-version", "9.9"),
                        "--api-version '9.9' is unknown; allowed: 1.0, 1.1, 1.2, 1.3, 1.4"),
                Arguments.of(List.of("--gender", "other"), "--gender 'other' is unknown; allowed: male, female"),
                Arguments.of(
                        List.of("--gender", "male", "--seed", "abc"),
                        "--gender cannot be combined with --seed: the API ignores the gender of a seeded request"),
                Arguments.of(
                        List.of("--inc", "name,password"), "--inc 'password' is not a user field; allowed: " + FIELDS),
                Arguments.of(
                        List.of("--exc", "login"),
                        "--inc/--exc must keep 'login': login.uuid is the key of every record"),
                Arguments.of(
                        List.of("--inc", "name,nat"),
                        "--inc/--exc must keep 'login': login.uuid is the key of every record"),
                Arguments.of(List.of("--concurrency", "0"), "--concurrency must be between 1 and 16, got 0"),
                Arguments.of(List.of("--concurrency", "17"), "--concurrency must be between 1 and 16, got 17"),
                Arguments.of(List.of("--max-attempts", "0"), "--max-attempts must be between 1 and 100, got 0"),
                Arguments.of(List.of("--partitions", "0"), "--partitions must be between 1 and 1000, got 0"),
                Arguments.of(
                        List.of("--read-timeout", "0s"),
                        "--read-timeout must be a positive duration (e.g. 500ms, 10s, 2m)"),
                Arguments.of(
                        List.of("--connect-timeout", "soon"),
                        "Invalid value for option '--connect-timeout': "
                                + "'soon' is not a duration (examples: 500ms, 10s, 2m) (see --help)"),
                Arguments.of(
                        List.of("--api-url", "ftp://example.com"),
                        "--api-url 'ftp://example.com' is not an http:// or https:// URL (flag or RANDOMUSER_API_URL)"),
                Arguments.of(
                        List.of("--input", "/nonexistent/response.json"),
                        "--input '/nonexistent/response.json' is not a readable file (or - for stdin)"),
                Arguments.of(
                        List.of("--input", "-", "--pages", "2"),
                        "--pages cannot be used with --input: a saved response is one page"),
                Arguments.of(
                        List.of("--bootstrap-servers", " "),
                        "--bootstrap-servers is empty; give host:port[,host:port...] or set KAFKA_BOOTSTRAP_SERVERS"),
                Arguments.of(
                        List.of("--topic-prefix", "it 3f."),
                        "--topic-prefix 'it 3f.' has the character ' ', " + TOPIC_CHARACTERS),
                Arguments.of(
                        List.of("--topic-prefix", "tests/run-1."),
                        "--topic-prefix 'tests/run-1.' has the character " + "'/', " + TOPIC_CHARACTERS),
                Arguments.of(
                        List.of("--topic-prefix", "essai-\u00e9t\u00e9."),
                        "--topic-prefix 'essai-\u00e9t\u00e9.' has the " + "character '\u00e9', " + TOPIC_CHARACTERS),
                Arguments.of(
                        List.of("--topic-prefix", "p".repeat(229)),
                        "--topic-prefix is 229 characters long, at most "
                                + "228 allowed: Kafka topic names have at most 249 characters and randomuser.identities has 21 "
                                + "(flag or FETCHER_TOPIC_PREFIX)"),
                Arguments.of(List.of("--colour"), "Unknown option: '--colour' (see --help)"));
    }

    @ParameterizedTest
    @MethodSource("badFlags")
    void badFlagGivesOneClearLineAndExitCode2(List<String> args, String message) {
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(List.of("fetcher: " + message), run.stderrLines());
        assertEquals("", run.stdout);
    }

    @Test
    void unreachableBrokersAreAUsageError(@TempDir Path dir) throws IOException {
        Path input = writeFixture(dir);
        int port = closedPort();
        CliRun run = CliRun.run(
                "--input", input.toString(), "--bootstrap-servers", "127.0.0.1:" + port, "--kafka-timeout", "1s");
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(1, run.stderrLines().size(), run.stderr);
        String line = run.stderrLines().get(0);
        assertTrue(line.startsWith("fetcher: cannot reach Kafka at 127.0.0.1:" + port + " within 1 s ("), line);
        assertTrue(line.endsWith("); set --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS to running brokers"), line);
    }

    @Test
    void bootstrapServersComeFromTheEnvironmentWhenTheFlagIsAbsent(@TempDir Path dir) throws IOException {
        Path input = writeFixture(dir);
        int port = closedPort();
        CliRun run = CliRun.run(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port),
                new byte[0],
                "--input",
                input.toString(),
                "--kafka-timeout",
                "1s");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(
                run.stderr.startsWith("fetcher: cannot reach Kafka at 127.0.0.1:" + port + " within 1 s"), run.stderr);
    }

    @Test
    void malformedBootstrapServersAreAUsageError(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.run("--input", writeFixture(dir).toString(), "--bootstrap-servers", "no-port-here");
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(1, run.stderrLines().size(), run.stderr);
        assertTrue(run.stderr.startsWith("fetcher: --bootstrap-servers 'no-port-here' is not usable: "), run.stderr);
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.run("--help");
        assertEquals(0, run.exitCode);
        assertTrue(run.stdout.contains("--results=N"));
        assertTrue(run.stdout.contains("env RANDOMUSER_API_URL"));
    }

    private static Path writeFixture(Path dir) throws IOException {
        Path input = dir.resolve("response.json");
        Files.write(input, Fixtures.bytes(Fixtures.ALL_NATIONALITIES));
        return input;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
