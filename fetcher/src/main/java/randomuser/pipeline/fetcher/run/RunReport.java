package randomuser.pipeline.fetcher.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import randomuser.pipeline.fetcher.api.PageFetchException;
import randomuser.pipeline.fetcher.kafka.DeliveryReport;

/**
 * The outcome of a run.
 *
 * @param users        users whose records were sent
 * @param unkeyed      users without a usable {@code login.uuid}, not produced
 * @param invalid      keyed users with a field that could not be normalised, not produced
 * @param sent         records handed to the sink
 * @param fetchFailure the first page that could not be fetched, if any
 */
public record RunReport(
        String runId,
        int pagesTotal,
        int pagesFetched,
        long users,
        long unkeyed,
        long invalid,
        long sent,
        DeliveryReport delivery,
        Duration elapsed,
        Optional<PageFetchException> fetchFailure) {

    /** Exit 0 is allowed only when every page was fetched and every record acknowledged. */
    public boolean succeeded() {
        return fetchFailure.isEmpty()
                && pagesFetched == pagesTotal
                && delivery.failed() == 0
                && delivery.acked() == sent;
    }

    public long unacknowledged() {
        return sent - delivery.acked();
    }

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double usersPerSecond() {
        return seconds() > 0 ? users / seconds() : 0;
    }

    public double megabytesPerSecond() {
        return seconds() > 0 ? delivery.ackedBytes() / 1e6 / seconds() : 0;
    }

    /** The one summary line: users, records per topic, time and rate. */
    public String summaryLine() {
        String perTopic = delivery.ackedByTopic().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
        return String.format(
                Locale.ROOT,
                "summary: run_id=%s pages=%d/%d users=%d skipped_no_uuid=%d skipped_invalid=%d "
                        + "records_acked=%d records_failed=%d [%s] seconds=%.2f users_per_s=%.1f mb_per_s=%.2f",
                runId,
                pagesFetched,
                pagesTotal,
                users,
                unkeyed,
                invalid,
                delivery.acked(),
                unacknowledged(),
                perTopic,
                seconds(),
                usersPerSecond(),
                megabytesPerSecond());
    }
}
