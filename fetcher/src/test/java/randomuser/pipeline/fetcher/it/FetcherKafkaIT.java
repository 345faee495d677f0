package randomuser.pipeline.fetcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.emulator.RandomUserEmulator;
import randomuser.pipeline.fetcher.support.CliRun;
import randomuser.pipeline.stack.LocalStack;

/**
 * The fetcher against the local stack's three real brokers (started through LocalStack, the code
 * {@code ./pipeline up} runs) and the in-process emulator: 10 pages x 5000 users, then every facet topic is
 * read back; and the same with one broker killed mid-run.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FetcherKafkaIT {

    private static final int PAGES = 10;
    private static final int RESULTS = 5000;
    private static final int USERS = PAGES * RESULTS;

    private static LocalStack stack;
    private static RandomUserEmulator emulator;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.forProject();
        stack.ensureKafka();
        emulator = RandomUserEmulator.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void fiftyThousandUsersReachEverySixTopicsExactlyOnceEach() throws Exception {
        String runId = "it-" + UUID.randomUUID();
        Map<Facet, Map<TopicPartition, Long>> before = endOffsets();

        CliRun run = CliRun.run(fetcherArgs(runId, "it-seed-" + runId));

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("users=" + USERS + " skipped_no_uuid=0 skipped_invalid=0 records_acked="
                + USERS * 6 + " records_failed=0"), run.stderr);
        assertEveryTopicHoldsTheRun(before, runId);
        assertTopicsHaveTheProjectSettings();
    }

    @Test
    void aBrokerKilledDuringTheRunLosesNoAcknowledgement() throws Exception {
        String runId = "it-kill-" + UUID.randomUUID();
        Map<Facet, Map<TopicPartition, Long>> before = endOffsets();
        ExecutorService background = Executors.newSingleThreadExecutor();
        int victim = 2;
        try {
            Future<CliRun> running = background.submit(() -> CliRun.run(fetcherArgs(runId, "it-kill-" + runId)));
            waitForFirstPage(before.get(Facet.PROFILE));
            stack.killBroker(victim);

            CliRun run = running.get(10, TimeUnit.MINUTES);
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.stderr.contains("records_acked=" + USERS * 6 + " records_failed=0"), run.stderr);
        } finally {
            background.shutdownNow();
            stack.startBroker(victim);
        }
        assertEveryTopicHoldsTheRun(before, runId);
    }

    private static String[] fetcherArgs(String runId, String seed) {
        return new String[] {"--api-url", emulator.baseUrl(), "--results", Integer.toString(RESULTS),
            "--pages", Integer.toString(PAGES), "--seed", seed, "--run-id", runId,
            "--bootstrap-servers", stack.bootstrapServers(), "--kafka-timeout", "60s"};
    }

    private static Map<Facet, Map<TopicPartition, Long>> endOffsets() {
        TopicContents contents = new TopicContents(stack.bootstrapServers());
        Map<Facet, Map<TopicPartition, Long>> offsets = new HashMap<>();
        for (Facet facet : Facet.values()) {
            offsets.put(facet, contents.endOffsets(facet.topic()));
        }
        return offsets;
    }

    /** Waits until the first page's profiles are on the topic, so the kill happens mid-run. */
    private static void waitForFirstPage(Map<TopicPartition, Long> profilesBefore) throws InterruptedException {
        TopicContents contents = new TopicContents(stack.bootstrapServers());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> now = contents.endOffsets(Facet.PROFILE.topic());
            long added = now.entrySet().stream()
                    .mapToLong(e -> e.getValue() - profilesBefore.getOrDefault(e.getKey(), 0L)).sum();
            if (added >= RESULTS) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the fetcher produced no complete page within 3 minutes");
    }

    private static void assertEveryTopicHoldsTheRun(Map<Facet, Map<TopicPartition, Long>> before, String runId)
            throws Exception {
        TopicContents contents = new TopicContents(stack.bootstrapServers());
        for (Facet facet : Facet.values()) {
            TopicContents.Summary summary = contents.readSince(facet, before.get(facet), runId);
            assertEquals(List.of(), summary.problems.stream().limit(10).toList(), facet.topic());
            assertEquals(USERS, summary.keys.size(), facet.topic() + " distinct keys");
            assertTrue(summary.records >= USERS, facet.topic() + " records " + summary.records);
        }
    }

    private static void assertTopicsHaveTheProjectSettings() throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            Map<String, TopicDescription> topics = admin.describeTopics(Facet.topics()).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            for (TopicDescription topic : topics.values()) {
                topic.partitions().forEach(p -> assertEquals(3, p.replicas().size(), topic.name() + " RF"));
            }
            for (String topic : Facet.topics()) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                assertEquals("2", config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value(), topic);
            }
        }
    }
}
