package randomuser.pipeline.fetcher.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.emulator.RandomUserEmulator;
import randomuser.pipeline.fetcher.api.ApiVersion;
import randomuser.pipeline.fetcher.support.CliRun;
import randomuser.pipeline.fetcher.support.SchemaCheck;

/** The fetcher over the emulator's users of every v1.4 nationality: each record conforms to the catalogue. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmulatorMappingTest {

    private static final Set<String> NULL_ID_NATS = Set.of("IR", "NZ", "TR", "UA");
    private static final int USERS = 200;
    private static RandomUserEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = RandomUserEmulator.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    static Stream<String> nationalities() {
        return ApiVersion.V1_4.nationalities().stream();
    }

    @ParameterizedTest
    @MethodSource("nationalities")
    void everyRecordOfEveryNationalityConformsToTheCatalogue(String nat) {
        CliRun run = CliRun.run(
                "--api-url",
                emulator.baseUrl(),
                "--results",
                Integer.toString(USERS),
                "--nat",
                nat.toLowerCase(),
                "--seed",
                "nat-" + nat,
                "--run-id",
                "emu",
                "--dry-run");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(
                run.stderrLines()
                        .get(0)
                        .startsWith("page 1/1: " + USERS + " users, " + USERS * 6
                                + " records sent, 0 skipped, 1 attempt, "),
                run.stderr);
        List<JsonNode> records = run.records();
        assertEquals(USERS * 6, records.size());
        Set<String> keys = new HashSet<>();
        for (JsonNode record : records) {
            Facet facet = Facet.byTopic(record.get("topic").asText()).orElseThrow();
            JsonNode value = record.get("value");
            assertEquals(List.of(), SchemaCheck.problems(facet, value), nat + " " + value);
            keys.add(record.get("key").asText());
            if (facet == Facet.IDENTITY) {
                assertEquals(nat, value.get("nat").asText());
                assertEquals(NULL_ID_NATS.contains(nat), value.at("/id/value").isNull(), value.toString());
            }
        }
        assertEquals(USERS, keys.size(), "one key per user");
        for (String secret : List.of("\"password\"", "\"salt\"", "\"md5\"", "\"sha1\"", "\"sha256\"")) {
            assertFalse(run.stdout.contains(secret), secret);
        }
    }

    @Test
    void mixedNationalitiesOverSeveralPagesHaveDistinctKeys() {
        CliRun run = CliRun.run(
                "--api-url",
                emulator.baseUrl(),
                "--results",
                "500",
                "--pages",
                "3",
                "--seed",
                "mix",
                "--concurrency",
                "2",
                "--dry-run");
        assertEquals(0, run.exitCode, run.toString());
        List<JsonNode> records = run.records();
        assertEquals(3 * 500 * 6, records.size());
        for (Facet facet : Facet.values()) {
            assertEquals(
                    1500,
                    records.stream()
                            .filter(r -> r.get("topic").asText().equals(facet.topic()))
                            .map(r -> r.get("key").asText())
                            .distinct()
                            .count(),
                    facet.topic());
        }
    }

    @Test
    void sameSeedAndPagesGiveTheSameRecords() {
        String[] args = {
            "--api-url",
            emulator.baseUrl(),
            "--results",
            "50",
            "--pages",
            "2",
            "--seed",
            "again",
            "--run-id",
            "same",
            "--dry-run"
        };
        CliRun first = CliRun.run(args);
        CliRun second = CliRun.run(args);
        assertEquals(0, first.exitCode, first.toString());
        assertEquals(first.stdout, second.stdout);
    }
}
