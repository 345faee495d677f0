package randomuser.pipeline.stack.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report page shows, every figure computed by MongoDB from the collections (which hold each user
 * once, so the counts are exact).
 *
 * @param runId the run the per-run figures are of; empty: every run
 * @param freshnessRunId the run the freshness figures are of (the chosen run, else the latest)
 */
public record IngestReport(
        String database,
        Instant generatedAt,
        Optional<String> runId,
        List<RunUsers> usersPerRun,
        List<Count> gender,
        List<Count> nationality,
        List<Count> age,
        List<Count> birthMonth,
        List<Count> documents,
        List<Count> deadLettersByReason,
        Optional<String> freshnessRunId,
        Map<String, Freshness> freshness) {

    /** Users whose latest write came from one run, and when that run fetched its first and wrote its last. */
    public record RunUsers(
            String runId, long users, Optional<Instant> firstFetchedAt, Optional<Instant> lastWrittenAt) {}

    /** One bar of a chart: a label and its exact count. */
    public record Count(String label, long count) {}

    /** One collection's latencies for the run: from fetch and from the Kafka timestamp to written in MongoDB. */
    public record Freshness(LatencySummary fetchToVisible, LatencySummary kafkaToVisible) {}

    /** Users in the report's scope: the run's profiles, or every profile. */
    public long users() {
        return gender.stream().mapToLong(Count::count).sum();
    }
}
