package randomuser.pipeline.stack.mainjob;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one main-job run: the DAG run, what the fetcher reported, and what arrived in MongoDB.
 *
 * @param fetcherSummary      the fetch task's summary line (its return_value XCom), if Airflow kept it
 * @param usersFetched        users the fetcher produced (from its summary; else what was asked for)
 * @param documentsOfRun      documents carrying the run id, per facet collection
 * @param deadLetters         documents in dead_letters (all runs)
 * @param sampleUser          one user of the run assembled from the six collections
 * @param runTime             trigger to the run's success
 * @param documentsTime       the run's success to the last collection holding every user
 */
public record MainJobReport(
        String dagId,
        String runId,
        String runUiUrl,
        BackfillRequest request,
        String fetcherSummary,
        long usersFetched,
        Map<String, Long> documentsOfRun,
        long deadLetters,
        Optional<RunDocuments.SampleUser> sampleUser,
        Duration runTime,
        Duration documentsTime) {}
