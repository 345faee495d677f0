package randomuser.pipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.catalogue.Facet;

class FetcherJarTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDryRunReadsBackByFacetAndKeyUnderItsTopicPrefix(@TempDir Path dir) throws Exception {
        Path stdout = Files.writeString(dir.resolve("out.jsonl"), """
                {"topic":"it-1.randomuser.profiles","key":"u1","value":{"user_id":"u1","gender":"female"}}
                {"topic":"it-1.randomuser.contacts","key":"u1","value":{"user_id":"u1","email":"a@example.com"}}

                {"topic":"it-1.randomuser.profiles","key":"u2","value":{"user_id":"u2","gender":"male"}}
                """);
        Map<Facet, Map<String, JsonNode>> records = FetcherJar.dryRunRecords(stdout, "it-1.", JSON);
        assertEquals(List.of("u1", "u2"), List.copyOf(records.get(Facet.PROFILE).keySet()));
        assertEquals("male", records.get(Facet.PROFILE).get("u2").get("gender").asText());
        assertEquals(List.of("u1"), List.copyOf(records.get(Facet.CONTACT).keySet()));
        assertEquals(Map.of(), records.get(Facet.PICTURE));
    }

    @Test
    void aKeyTwiceOrATopicOutsideThePrefixIsAnError(@TempDir Path dir) throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.jsonl"), """
                {"topic":"randomuser.profiles","key":"u1","value":{}}
                {"topic":"randomuser.profiles","key":"u1","value":{}}
                """);
        assertEquals(
                "the dry run produced key u1 twice on randomuser.profiles",
                assertThrows(IllegalStateException.class, () -> FetcherJar.dryRunRecords(twice, "", JSON))
                        .getMessage());
        Path unprefixed = Files.writeString(
                dir.resolve("unprefixed.jsonl"), "{\"topic\":\"randomuser.profiles\",\"key\":\"u1\",\"value\":{}}\n");
        assertEquals(
                "dry-run record on an unexpected topic: {\"topic\":\"randomuser.profiles\",\"key\":\"u1\","
                        + "\"value\":{}}",
                assertThrows(IllegalStateException.class, () -> FetcherJar.dryRunRecords(unprefixed, "it-1.", JSON))
                        .getMessage());
    }

    @Test
    void aMissingJarSaysHowToBuildIt(@TempDir Path dir) {
        FetcherJar fetcher = new FetcherJar(dir.resolve("fetcher.jar"), dir, Duration.ofSeconds(5));
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> fetcher.run("dry-run", List.of(), List.of("--dry-run")));
        assertEquals(
                "no fetcher jar at " + dir.resolve("fetcher.jar") + ": build it with `mvn -B -q -pl fetcher -am "
                        + "install -DskipTests` (./pipeline up builds it too)",
                e.getMessage());
    }
}
