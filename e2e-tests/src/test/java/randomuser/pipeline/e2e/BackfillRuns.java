package randomuser.pipeline.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;

/**
 * {@code randomuser_backfill} runs through Airflow's REST API, as a user's script would drive them, with the
 * diagnostics a failed run needs: its state, its task's state and tries, and the tail of the task's log.
 */
final class BackfillRuns {
    static final String DAG_ID = PipelineDags.BACKFILL;
    private static final int LOG_LINES = 30;

    private final AirflowClient airflow;

    BackfillRuns(AirflowClient airflow) {
        this.airflow = airflow;
    }

    /** A paused DAG would queue the run forever; the local stack keeps it active, so this only repairs. */
    void requireActive() {
        JsonNode dag = airflow.dag(DAG_ID)
                .orElseThrow(() -> new IllegalStateException(
                        "Airflow has not parsed " + DAG_ID + " (import error? see " + airflow.baseUrl() + "/dags)"));
        if (dag.path("is_paused").asBoolean(false)) {
            System.out.println(DAG_ID + " was paused: unpausing it");
            airflow.setPaused(DAG_ID, false);
        }
    }

    String trigger(Map<String, ?> conf) {
        String runId = airflow.triggerDagRun(DAG_ID, conf);
        System.out.println("triggered " + DAG_ID + " run " + runId + " with conf " + conf);
        return runId;
    }

    JsonNode run(String runId) {
        return airflow.dagRun(DAG_ID, runId);
    }

    /**
     * Waits for the run's end; anything but success fails with the run's diagnostics, and so does a success on a
     * retry: the DAG retries the fetch task twice, so a fetcher that failed once would otherwise pass unseen.
     */
    void awaitSuccess(String runId, Duration timeout) {
        String state;
        try {
            state = airflow.waitForDagRun(DAG_ID, runId, timeout, Progress.toStandardOutput());
        } catch (StackException e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnostics(runId));
        }
        if (!"success".equals(state)) {
            throw new AssertionError(DAG_ID + " run " + runId + " ended " + state + "\n" + diagnostics(runId));
        }
        int tries = airflow.taskInstance(DAG_ID, runId, PipelineDags.FETCH_TASK)
                .path("try_number")
                .asInt();
        if (tries != 1) {
            throw new AssertionError(DAG_ID + " run " + runId + " succeeded on try " + tries + " of its "
                    + PipelineDags.FETCH_TASK + " task, not the first\n" + diagnostics(runId));
        }
    }

    /** The fetch task's summary line (its return_value XCom), or a note that there is none. */
    String fetcherSummary(String runId) {
        return airflow.xcomReturnValue(DAG_ID, runId, PipelineDags.FETCH_TASK).orElse("(no summary XCom)");
    }

    /** Run state, task state and tries, the last lines of the task's log, and where to look in the UI. */
    String diagnostics(String runId) {
        StringBuilder text = new StringBuilder("diagnostics of " + DAG_ID + " run " + runId + ":");
        try {
            JsonNode run = run(runId);
            text.append("\n  run state ")
                    .append(run.path("state").asText())
                    .append(", conf ")
                    .append(run.path("conf"));
            JsonNode task = airflow.taskInstance(DAG_ID, runId, PipelineDags.FETCH_TASK);
            int tries = Math.max(1, task.path("try_number").asInt(1));
            text.append("\n  task ")
                    .append(PipelineDags.FETCH_TASK)
                    .append(' ')
                    .append(task.path("state").asText())
                    .append(", try ")
                    .append(tries);
            List<String> log = airflow.taskLogTail(DAG_ID, runId, PipelineDags.FETCH_TASK, tries, LOG_LINES);
            text.append(log.isEmpty() ? "\n  (no task log yet)" : "\n  last lines of the task log:");
            log.forEach(line -> text.append("\n  | ").append(line));
        } catch (RuntimeException e) {
            text.append("\n  (Airflow did not tell more: ")
                    .append(e.getMessage())
                    .append(')');
        }
        return text.append("\n  see ").append(airflow.runUiUrl(DAG_ID, runId)).toString();
    }
}
