package randomuser.pipeline.fetcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.emulator.Fault;
import randomuser.pipeline.emulator.FaultType;
import randomuser.pipeline.emulator.RandomUserEmulator;
import randomuser.pipeline.fetcher.support.CliRun;
import randomuser.pipeline.stack.LocalStack;

/**
 * The fetcher against the local stack's three real brokers (which must be up: the test kills and restarts them
 * through the stack's fault hooks, and starts nothing else) and the in-process emulator: 10 pages x 5000 users, then every facet topic is
 * read back; the same with one broker killed mid-run; and a run that loses two brokers mid-run (exit 1, the
 * unacknowledged records counted, one line). Every test writes to topics of its own prefix
 * under one prefix per test run, so the pipeline's topics (which the streaming jobs read into MongoDB) never
 * see test users; all of the run's topics are deleted at the end.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FetcherKafkaIT {

    private static final int PAGES = 10;
    private static final int RESULTS = 5000;
    private static final int USERS = PAGES * RESULTS;
    private static final int PARTITIONS = 3;
    private static final int VICTIM_BROKER = 2;
    private static final int SECOND_VICTIM_BROKER = 3;
    private static final String RUN_PREFIX =
            "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    private static LocalStack stack;
    private static RandomUserEmulator emulator;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().kafkaBrokers());
        emulator = RandomUserEmulator.start("127.0.0.1", 0);
    }

    @AfterAll
    static void deleteTopicsAndStopEmulator() throws Exception {
        try {
            if (stack != null) {
                deleteTopicsOfThisRun();
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    @Test
    @Order(1)
    void fiftyThousandUsersReachEverySixTopicsExactlyOnceEach() throws Exception {
        String prefix = RUN_PREFIX + "steady.";
        String runId = "it-" + UUID.randomUUID();

        CliRun run = CliRun.run(fetcherArgs(prefix, runId, "it-seed-" + runId));
        printSummary(run);

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(
                run.stderr.contains("users=" + USERS + " skipped_no_uuid=0 skipped_invalid=0 records_acked=" + USERS * 6
                        + " records_failed=0 [" + perTopicCounts(prefix) + "]"),
                run.stderr);
        assertEveryTopicHoldsTheRun(prefix, runId);
        assertTopicsHaveTheProjectSettings(prefix);
    }

    @Test
    @Order(2)
    void aBrokerKilledDuringTheRunLosesNoAcknowledgement() throws Exception {
        String prefix = RUN_PREFIX + "broker-killed.";
        String runId = "it-kill-" + UUID.randomUUID();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<CliRun> running =
                    background.submit(() -> CliRun.run(fetcherArgs(prefix, runId, "it-kill-" + runId)));
            long profilesBeforeKill = waitForFirstPage(prefix + Facet.PROFILE.topic(), running);
            stack.faults().killBroker(VICTIM_BROKER);
            // Checked after the kill: a run that was over by then would prove nothing.
            assertFalse(running.isDone(), "the run ended before broker " + VICTIM_BROKER + " was killed");
            System.out.println("killed kafka-" + VICTIM_BROKER + " with " + profilesBeforeKill + " of " + USERS
                    + " profiles on the topic");

            CliRun run = running.get(10, TimeUnit.MINUTES);
            printSummary(run);
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(
                    run.stderr.contains("users=" + USERS + " skipped_no_uuid=0 skipped_invalid=0 records_acked="
                            + USERS * 6 + " records_failed=0 [" + perTopicCounts(prefix) + "]"),
                    run.stderr);
        } finally {
            background.shutdownNow();
            stack.faults().startBroker(VICTIM_BROKER);
        }
        assertEveryTopicHoldsTheRun(prefix, runId);
    }

    @Test
    @Order(3)
    void twoBrokersDownMidRunFailTheRunWithOneLineAndTheCountOfUnacknowledgedRecords() throws Exception {
        String prefix = RUN_PREFIX + "two-down.";
        String runId = "it-two-down-" + UUID.randomUUID();
        int pages = 2;
        int records = pages * RESULTS * Facet.values().length;
        // Each page is served after 5 s, one at a time: the second arrives once two brokers are gone, so its
        // records cannot reach min.insync.replicas=2 (nor can the one broker left elect leaders: no quorum).
        emulator.faults().add(Fault.of(FaultType.SLOW).withDelayMillis(5000), pages);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<CliRun> running = background.submit(() -> CliRun.run(
                    "--api-url",
                    emulator.baseUrl(),
                    "--results",
                    Integer.toString(RESULTS),
                    "--pages",
                    Integer.toString(pages),
                    "--concurrency",
                    "1",
                    "--seed",
                    "it-two-down-" + runId,
                    "--run-id",
                    runId,
                    "--topic-prefix",
                    prefix,
                    "--partitions",
                    Integer.toString(PARTITIONS),
                    "--bootstrap-servers",
                    stack.bootstrapServers(),
                    "--kafka-timeout",
                    "60s"));
            waitForFirstPage(prefix + Facet.PROFILE.topic(), running);
            stack.faults().killBroker(VICTIM_BROKER);
            stack.faults().killBroker(SECOND_VICTIM_BROKER);
            assertFalse(running.isDone(), "the run ended before two brokers were killed");

            // Unacknowledged records expire after the producer's delivery timeout (120 s).
            CliRun run = running.get(10, TimeUnit.MINUTES);
            printSummary(run);
            assertEquals(1, run.exitCode, run.toString());
            List<String> lines = run.stderrLines();
            Matcher summary = Pattern.compile("records_acked=(\\d+) records_failed=(\\d+) ")
                    .matcher(lines.get(lines.size() - 2));
            assertTrue(summary.find(), run.toString());
            long acked = Long.parseLong(summary.group(1));
            long failed = Long.parseLong(summary.group(2));
            assertTrue(failed > 0, "records_failed=" + failed);
            assertEquals(records, acked + failed, "every record sent is either acknowledged or counted as failed");
            assertTrue(
                    lines.get(lines.size() - 1)
                            .startsWith("fetcher: " + failed + " of " + records
                                    + " records were not acknowledged (first error: "),
                    run.toString());
        } finally {
            background.shutdownNow();
            emulator.faults().clear();
            stack.faults().startBroker(VICTIM_BROKER);
            stack.faults().startBroker(SECOND_VICTIM_BROKER);
        }
    }

    private static String[] fetcherArgs(String prefix, String runId, String seed) {
        return new String[] {
            "--api-url",
            emulator.baseUrl(),
            "--results",
            Integer.toString(RESULTS),
            "--pages",
            Integer.toString(PAGES),
            "--seed",
            seed,
            "--run-id",
            runId,
            "--topic-prefix",
            prefix,
            "--partitions",
            Integer.toString(PARTITIONS),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--kafka-timeout",
            "60s"
        };
    }

    /** The fetcher's last stderr line (its summary, or its error) into the test report. */
    private static void printSummary(CliRun run) {
        List<String> lines = run.stderrLines();
        System.out.println(
                "fetcher exit " + run.exitCode + ": " + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
    }

    /** The summary's per-topic part when every user reached every topic. */
    private static String perTopicCounts(String prefix) {
        return Facet.topics().stream()
                .map(topic -> prefix + topic + "=" + USERS)
                .collect(Collectors.joining(" "));
    }

    /** Waits until the first page's profiles are on the topic, so the kill happens mid-run; returns how many are. */
    private static long waitForFirstPage(String profiles, Future<CliRun> running) throws Exception {
        TopicContents contents = new TopicContents(stack.bootstrapServers());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                throw new AssertionError(
                        "the run ended before its first page was on " + profiles + ":\n" + running.get());
            }
            long count = contents.recordCount(profiles);
            if (count >= RESULTS) {
                return count;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the fetcher produced no complete page within 3 minutes");
    }

    private static void assertEveryTopicHoldsTheRun(String prefix, String runId) throws Exception {
        TopicContents contents = new TopicContents(stack.bootstrapServers());
        for (Facet facet : Facet.values()) {
            String topic = prefix + facet.topic();
            TopicContents.Summary summary = contents.readAll(facet, topic, runId);
            assertEquals(List.of(), summary.problems.stream().limit(10).toList(), topic);
            assertEquals(USERS, summary.keys.size(), topic + " distinct keys");
            // The idempotent producer must not duplicate a record, even across the broker failure.
            assertEquals(USERS, summary.records, topic + " records");
        }
    }

    private static void assertTopicsHaveTheProjectSettings(String prefix) throws Exception {
        List<String> topics =
                Facet.topics().stream().map(topic -> prefix + topic).toList();
        try (Admin admin = admin()) {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicDescription topic : descriptions.values()) {
                assertEquals(PARTITIONS, topic.partitions().size(), topic.name() + " partitions");
                topic.partitions().forEach(p -> assertEquals(3, p.replicas().size(), topic.name() + " RF"));
            }
            for (String topic : topics) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
                assertEquals(
                        "2", config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value(), topic);
            }
        }
    }

    /** Deletes every topic under this run's prefix, so the brokers do not fill up with test data. */
    private static void deleteTopicsOfThisRun() throws Exception {
        try (Admin admin = admin()) {
            Set<String> ours = admin.listTopics().names().get(60, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(RUN_PREFIX))
                    .collect(Collectors.toSet());
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
            }
            System.out.println("deleted topics " + ours);
        }
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return Admin.create(properties);
    }
}
