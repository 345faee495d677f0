package randomuser.pipeline.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.airflow.AirflowClient;
import randomuser.pipeline.stack.airflow.PipelineDags;
import randomuser.pipeline.stack.component.SparkMaster;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.testsupport.Sleep;

/**
 * Not a test: prints figures. The scheduled {@code randomuser_ingest} DAG on the running local stack, raised to
 * N users a run (its documented setting: the {@code ingest_results} key of the Airflow Variable
 * {@code randomuser_settings}) for M minutes, from a quiet start (the DAG paused until every record so far is
 * written). Every minute it prints each job's largest backlog (records after its last committed batch, sampled
 * every 5 s). Then it pauses the DAG again, waits until the last run's records are written, and compares, per
 * facet, the records produced to the topic during the soak with the documents added to the collection: every
 * ingest run fetches new users, so the two must be equal. The Variable and the DAG's paused state are put back.
 *
 * <p>Arguments: {@code --minutes 30 --users-per-run 1000}. Run it with {@code bench/soak}.
 */
public final class IngestSoak {
    private static final String SETTINGS_VARIABLE = "randomuser_settings";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    private IngestSoak() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int minutes = Integer.parseInt(options.getOrDefault("--minutes", "30"));
        int usersPerRun = Integer.parseInt(options.getOrDefault("--users-per-run", "1000"));

        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().all());
        AirflowClient airflow = stack.airflowClient();
        Optional<String> previousSettings = airflow.variable(SETTINGS_VARIABLE);
        boolean wasPaused = airflow.dag(PipelineDags.INGEST)
                .map(dag -> dag.path("is_paused").asBoolean())
                .orElse(true);

        try (MongoClient client = MongoClients.create(stack.mongoUri());
                Probes probes = new Probes(stack.bootstrapServers(), SparkMaster.UI_URL)) {
            MongoDatabase database = client.getDatabase(Facet.DATABASE);
            // The baseline needs every record produced so far written: pause the DAG, wait for the jobs to catch up.
            airflow.setPaused(PipelineDags.INGEST, true);
            System.out.println(
                    "soak: " + PipelineDags.INGEST + " paused until the jobs have written every record so far");
            Map<Facet, Long> recordsBefore = awaitQuiet(stack, probes);
            Map<Facet, Long> documentsBefore = documents(database);
            long deadLettersBefore =
                    database.getCollection(Facet.DEAD_LETTERS_COLLECTION).countDocuments();

            ObjectNode settings = previousSettings.map(IngestSoak::object).orElseGet(JSON::createObjectNode);
            settings.put("ingest_results", usersPerRun);
            airflow.setVariable(SETTINGS_VARIABLE, settings.toString());
            airflow.setPaused(PipelineDags.INGEST, false);
            System.out.printf(
                    Locale.ROOT,
                    "soak: %s = %s, %s unpaused, %d minutes%n",
                    SETTINGS_VARIABLE,
                    settings,
                    PipelineDags.INGEST,
                    minutes);
            System.out.println("minute  "
                    + Arrays.stream(Facet.values())
                            .map(f -> String.format(Locale.ROOT, "%9s", f.facetName()))
                            .collect(Collectors.joining(" "))
                    + "   (backlog: records after each job's last committed batch)");

            Instant started = Instant.now();
            List<Long> maxBacklogPerMinute = new ArrayList<>();
            try {
                for (int minute = 1; minute <= minutes; minute++) {
                    // A run's records are written within seconds: one look a minute would miss them all.
                    Map<Facet, Long> largest = new EnumMap<>(Facet.class);
                    Instant end = started.plus(Duration.ofMinutes(minute));
                    while (Instant.now().isBefore(end)) {
                        stack.inspection()
                                .streamingBacklog()
                                .forEach((facet, backlog) -> largest.merge(facet, backlog.orElse(-1), Math::max));
                        Sleep.until(min(end, Instant.now().plus(SAMPLE_EVERY)));
                    }
                    maxBacklogPerMinute.add(largest.values().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(-1));
                    System.out.printf(
                            Locale.ROOT,
                            "%6d  %s%n",
                            minute,
                            Arrays.stream(Facet.values())
                                    .map(f -> String.format(Locale.ROOT, "%9d", largest.getOrDefault(f, -1L)))
                                    .collect(Collectors.joining(" ")));
                }
            } finally {
                airflow.setPaused(PipelineDags.INGEST, true);
                if (previousSettings.isPresent()) {
                    airflow.setVariable(SETTINGS_VARIABLE, previousSettings.get());
                } else {
                    airflow.deleteVariable(SETTINGS_VARIABLE);
                }
            }

            System.out.println(
                    "soak over: " + PipelineDags.INGEST + " paused; waiting for the last run's records to be written");
            Map<Facet, Long> recordsAfter = awaitQuiet(stack, probes);
            Map<Facet, Long> documentsAfter = documents(database);
            long deadLetters =
                    database.getCollection(Facet.DEAD_LETTERS_COLLECTION).countDocuments() - deadLettersBefore;

            boolean exact = true;
            System.out.printf(Locale.ROOT, "%n%-9s %10s %10s %s%n", "facet", "produced", "added", "");
            for (Facet facet : Facet.values()) {
                long produced = recordsAfter.get(facet) - recordsBefore.get(facet);
                long added = documentsAfter.get(facet) - documentsBefore.get(facet);
                exact &= produced == added;
                System.out.printf(
                        Locale.ROOT,
                        "%-9s %10d %10d %s%n",
                        facet.facetName(),
                        produced,
                        added,
                        produced == added ? "exact" : "MISMATCH");
            }
            int half = maxBacklogPerMinute.size() / 2;
            long firstHalf = maxBacklogPerMinute.subList(0, half).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            long secondHalf = maxBacklogPerMinute.subList(half, maxBacklogPerMinute.size()).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "largest backlog of any job: first half %d, second half %d records; dead letters added: %d%n",
                    firstHalf,
                    secondHalf,
                    deadLetters);
            if (!wasPaused) {
                airflow.setPaused(PipelineDags.INGEST, false);
            }
            System.exit(exact && deadLetters == 0 ? 0 : 1);
        }
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(SETTINGS_VARIABLE + " is not a JSON object: " + json, e);
        }
    }

    private static Map<Facet, Long> documents(MongoDatabase database) {
        Map<Facet, Long> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            counts.put(facet, database.getCollection(facet.collection()).countDocuments());
        }
        return counts;
    }

    /** Records ever produced to each facet's topic: the sum of its partitions' end offsets. */
    private static Map<Facet, Long> endOffsets(Probes probes) {
        Map<String, Map<Integer, long[]>> offsets = probes.topicOffsets(
                        Arrays.stream(Facet.values()).map(Facet::topic).toList())
                .orElseThrow(() -> new IllegalStateException("Kafka did not answer for the topics' offsets"));
        Map<Facet, Long> records = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            records.put(
                    facet,
                    offsets.get(facet.topic()).values().stream()
                            .mapToLong(range -> range[1])
                            .sum());
        }
        return records;
    }

    /** Waits until no record was produced for 90 s and every job's backlog is 0; answers the end offsets then. */
    private static Map<Facet, Long> awaitQuiet(LocalStack stack, Probes probes) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        Map<Facet, Long> last = endOffsets(probes);
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Sleep.until(Instant.now().plusSeconds(10));
            Map<Facet, Long> now = endOffsets(probes);
            if (!now.equals(last)) {
                last = now;
                lastChange = Instant.now();
                continue;
            }
            boolean written = stack.inspection().streamingJobsCaughtUp();
            if (written && Duration.between(lastChange, Instant.now()).toSeconds() >= 90) {
                return now;
            }
        }
        throw new IllegalStateException("the jobs did not catch up within 20 minutes of the soak's end: backlog "
                + stack.inspection().streamingBacklog());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
