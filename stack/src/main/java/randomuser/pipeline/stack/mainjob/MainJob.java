package randomuser.pipeline.stack.mainjob;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;

/**
 * The product's main job, driven the way a user drives it: trigger a {@code randomuser_backfill} run through
 * Airflow's REST API, wait for the run, then wait until each of the six collections holds every user of the
 * run (documents whose {@code _ingest.run_id} is the run's id), and gather what to show.
 */
public final class MainJob {
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);
    private static final int LOG_LINES = 15;
    private static final Pattern USERS = Pattern.compile("\\busers=(\\d+)");

    /** How often the jobs are asked whether they are still working while the documents are awaited. */
    private static final Duration CHECK_JOBS_EVERY = Duration.ofSeconds(30);

    private final AirflowClient airflow;
    private final String mongoUri;
    private final Progress progress;
    private final JobsWatch jobs;
    private final Duration runTimeout;
    private final Duration documentsTimeout;

    public MainJob(AirflowClient airflow, String mongoUri, Progress progress, JobsWatch jobs) {
        this(airflow, mongoUri, progress, jobs, Duration.ofMinutes(20), Duration.ofMinutes(30));
    }

    private MainJob(
            AirflowClient airflow,
            String mongoUri,
            Progress progress,
            JobsWatch jobs,
            Duration runTimeout,
            Duration documentsTimeout) {
        this.airflow = airflow;
        this.mongoUri = mongoUri;
        this.progress = progress;
        this.jobs = jobs;
        this.runTimeout = runTimeout;
        this.documentsTimeout = documentsTimeout;
    }

    /**
     * @param runTimeout       trigger to the run's end
     * @param documentsTimeout the run's end to every document. Generous: the jobs write in Kafka order, so a
     *                         run's users wait behind every older record, and the local MongoDB-compatible
     *                         server writes tens of documents per second. A broken job ends the wait at once.
     */
    public MainJob withTimeouts(Duration runTimeout, Duration documentsTimeout) {
        return new MainJob(airflow, mongoUri, progress, jobs, runTimeout, documentsTimeout);
    }

    public MainJobReport run(BackfillRequest request) {
        String dagId = PipelineDags.BACKFILL;
        requireActive(dagId);
        long triggered = System.nanoTime();
        String runId = airflow.triggerDagRun(dagId, request.conf());
        progress.line("triggered " + dagId + " run " + runId + " (" + request.describe() + ") through "
                + airflow.baseUrl() + "/api/v2");
        String state = airflow.waitForDagRun(dagId, runId, runTimeout, progress);
        if (!"success".equals(state)) {
            throw runFailed(dagId, runId, state);
        }
        Duration runTime = Duration.ofNanos(System.nanoTime() - triggered);
        String summary =
                airflow.xcomReturnValue(dagId, runId, PipelineDags.FETCH_TASK).orElse(null);
        long users = usersIn(summary).orElse(request.expectedUsers());
        long runEnded = System.nanoTime();
        try (RunDocuments documents = new RunDocuments(mongoUri, Facet.DATABASE)) {
            Map<String, Long> counts = awaitDocuments(documents, runId, users);
            return new MainJobReport(
                    dagId,
                    runId,
                    airflow.runUiUrl(dagId, runId),
                    request,
                    summary,
                    users,
                    counts,
                    documents.deadLetters(),
                    documents.sampleUser(runId),
                    runTime,
                    Duration.ofNanos(System.nanoTime() - runEnded));
        }
    }

    /** A paused DAG queues a triggered run forever: unpause it (the local stack wants its DAGs active). */
    private void requireActive(String dagId) {
        JsonNode dag = airflow.dag(dagId)
                .orElseThrow(() -> new StackException("Airflow has not parsed the DAG " + dagId
                        + " (an import error? see " + airflow.baseUrl() + "/dags and var/logs/airflow.log)"));
        if (dag.path("is_paused").asBoolean(false)) {
            progress.line(dagId + " was paused: unpausing it");
            airflow.setPaused(dagId, false);
        }
    }

    /** The fetcher's summary line says how many users it produced ("... users=1000 ..."). */
    static OptionalLong usersIn(String fetcherSummary) {
        if (fetcherSummary == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = USERS.matcher(fetcherSummary);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /**
     * Counts one collection at a time, round robin over those still short of the run's users: on the local
     * MongoDB-compatible server a count scans the collection and competes with the jobs' writes, so six
     * counts a second would slow down what they wait for.
     */
    private Map<String, Long> awaitDocuments(RunDocuments documents, String runId, long users) {
        long started = System.nanoTime();
        long deadline = started + documentsTimeout.toNanos();
        long nextReport = started + REPORT_EVERY.toNanos();
        long nextJobsCheck = started + CHECK_JOBS_EVERY.toNanos();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            counts.put(facet.collection(), 0L);
        }
        Deque<String> pending = new ArrayDeque<>(counts.keySet());
        while (!pending.isEmpty()) {
            String collection = pending.poll();
            long count = documents.countOfRun(collection, runId);
            counts.put(collection, count);
            if (count < users) {
                pending.add(collection);
            } else {
                continue;
            }
            if (System.nanoTime() >= nextJobsCheck) {
                Optional<String> problem = jobs.problem();
                if (problem.isPresent()) {
                    throw new StackException("the documents of run " + runId + " cannot arrive: " + problem.get()
                            + " (the collections hold " + describe(counts, users) + ")");
                }
                nextJobsCheck = System.nanoTime() + CHECK_JOBS_EVERY.toNanos();
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("after " + documentsTimeout.toMinutes() + " min the collections hold only "
                        + describe(counts, users) + " documents of run " + runId
                        + "; see the JOB table of ./pipeline status and var/logs/job-*.log");
            }
            if (System.nanoTime() >= nextReport) {
                String jobsProgress = jobs.progress();
                progress.line("documents of this run: " + describe(counts, users)
                        + (jobsProgress.isEmpty() ? "" : "; " + jobsProgress) + " ... "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s");
                nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
            }
            sleep(POLL);
        }
        progress.line("every collection holds the " + users + " users of run " + runId + " ("
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s after the run)");
        return counts;
    }

    /** "profiles 983, locations 807 of 1000". */
    static String describe(Map<String, Long> counts, long users) {
        return counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")) + " of " + users;
    }

    private StackException runFailed(String dagId, String runId, String state) {
        StringBuilder message = new StringBuilder(dagId + " run " + runId + " ended " + state);
        try {
            JsonNode task = airflow.taskInstance(dagId, runId, PipelineDags.FETCH_TASK);
            int tryNumber = Math.max(1, task.path("try_number").asInt(1));
            message.append(" (task ")
                    .append(PipelineDags.FETCH_TASK)
                    .append(' ')
                    .append(task.path("state").asText())
                    .append(" after ")
                    .append(tryNumber)
                    .append(tryNumber == 1 ? " try" : " tries")
                    .append(')');
            List<String> log = airflow.taskLogTail(dagId, runId, PipelineDags.FETCH_TASK, tryNumber, LOG_LINES);
            if (!log.isEmpty()) {
                message.append("; last lines of its log:");
                log.forEach(line -> message.append("\n  | ").append(line));
            }
        } catch (StackException e) {
            // the run's page in the UI below still shows everything
        }
        return new StackException(
                message.append("\nsee ").append(airflow.runUiUrl(dagId, runId)).toString());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the documents");
        }
    }
}
