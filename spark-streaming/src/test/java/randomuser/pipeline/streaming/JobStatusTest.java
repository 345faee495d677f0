package randomuser.pipeline.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStatusTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private JobStatus status() {
        return new JobStatus(
                folder.resolve("status/profile.json"),
                "job-profile",
                "profile",
                "randomuser.profiles",
                "profiles",
                4242,
                CLOCK);
    }

    private JsonNode read() throws IOException {
        return FacetValues.JSON.readTree(Files.readString(folder.resolve("status/profile.json")));
    }

    @Test
    void aRunningJobsFileHasTheLastBatchRatesAndLag() throws IOException {
        JobStatus status = status();
        status.starting();
        status.queryStarted("q-1");
        status.batchWritten(
                new BatchOutcome(3, new BatchCounts(100, 98, 2), 1, 420), Instant.parse("2024-03-01T12:04:59Z"));
        status.progress(3, 250.5, 238.1, OptionalLong.of(1200));

        assertEquals(FacetValues.JSON.readTree("""
                {"job":"job-profile","facet":"profile","topic":"randomuser.profiles","collection":"profiles",
                 "pid":4242,"state":"RUNNING","query_id":"q-1","batch_id":3,
                 "last_batch_at":"2024-03-01T12:04:59Z","last_batch_rows_in":100,"last_batch_upserted":98,
                 "last_batch_dead_lettered":2,"last_batch_ms":420,
                 "input_rows_per_second":250.5,"processed_rows_per_second":238.1,"lag":1200,
                 "total_rows_in":100,"total_upserted":98,"total_dead_lettered":2,
                 "started_at":"2024-03-01T12:05:00Z","updated_at":"2024-03-01T12:05:00Z","error":null}"""), read());
        assertEquals(List.of("profile.json"), fileNames());
    }

    @Test
    void idleBeforeTheFirstBatchInventsNoBatchId() throws IOException {
        JobStatus status = status();
        status.idle();
        assertEquals(true, read().get("batch_id").isNull());
        assertEquals(0, read().get("lag").asLong());
        assertEquals("RUNNING", read().get("state").asText());
    }

    @Test
    void idleMeansNothingBehindAndUnknownRatesAreNull() throws IOException {
        JobStatus status = status();
        status.progress(5, Double.NaN, Double.NaN, OptionalLong.empty());
        assertEquals(true, read().get("lag").isNull());
        assertEquals(true, read().get("input_rows_per_second").isNull());
        status.idle();
        assertEquals(0, read().get("lag").asLong());
        assertEquals(5, read().get("batch_id").asLong());
    }

    @Test
    void retryingRestartingAndFailedCarryTheProblemAndFailedIsFinal() throws IOException {
        JobStatus status = status();
        status.retrying("MongoDB write attempt 1/10 failed: timeout");
        assertEquals("RETRYING", read().get("state").asText());
        assertEquals(
                "MongoDB write attempt 1/10 failed: timeout",
                read().get("error").asText());
        status.restarting("unreachable; restart 1/10");
        status.progress(6, 0, 0, OptionalLong.of(10));
        assertEquals("RESTARTING", read().get("state").asText());
        status.failed("query failed: boom");
        status.queryStarted("q-2");
        status.stopped();
        assertEquals("FAILED", read().get("state").asText());
        assertEquals("query failed: boom", read().get("error").asText());
        assertFalse(Files.exists(folder.resolve("status/profile.json.tmp")));
    }

    private List<String> fileNames() throws IOException {
        try (var files = Files.list(folder.resolve("status"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
