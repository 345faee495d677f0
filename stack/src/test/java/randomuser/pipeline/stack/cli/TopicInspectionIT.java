package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import randomuser.pipeline.stack.LocalStack;

/**
 * {@code ./pipeline topics} and {@code ./pipeline peek} against the real three brokers, on a topic of their own
 * holding five records with fixed timestamps, one of them a poison (not JSON) value.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TopicInspectionIT {
    private static final String TOPIC = "topics-it-" + UUID.randomUUID();
    private static final long T0 = 1_700_000_000_000L;

    private static Admin admin;
    private static int userOnePartition;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void topicWithFiveRecords() throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().kafkaBrokers());
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        admin = Admin.create(config);
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            // u-1's records go where the producer's partitioner puts them (the partition peek --key must find);
            // the others by hand to the two other partitions. Timestamps are fixed, so the output is known.
            userOnePartition = send(producer, null, 1, "u-1", "{\"user_id\":\"u-1\",\"nat\":\"GB\"}");
            send(producer, (userOnePartition + 1) % 3, 2, "u-2", "{\"user_id\":\"u-2\",\"nat\":\"FR\"}");
            send(producer, (userOnePartition + 2) % 3, 3, "u-3", "{\"user_id\":\"u-3\",\"nat\":\"NO\"}");
            assertEquals(userOnePartition, send(producer, null, 4, "u-1", "not json {"));
            assertEquals(userOnePartition, send(producer, null, 5, "u-1", "{\"user_id\":\"u-1\",\"nat\":\"DE\"}"));
        }
    }

    /** @return the partition the record was written to */
    private static int send(
            KafkaProducer<String, String> producer, Integer partition, long second, String key, String value)
            throws Exception {
        return producer.send(new ProducerRecord<>(TOPIC, partition, T0 + second * 1000, key, value))
                .get(30, TimeUnit.SECONDS)
                .partition();
    }

    @AfterAll
    static void deleteTheTopic() throws Exception {
        if (admin != null) {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            admin.close();
        }
    }

    private int run(String... args) {
        CommandLine commandLine = PipelineCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void topicsListsEachPartitionWithLeaderReplicasIsrAndOffsets() {
        assertEquals(0, run("topics"), err.toString());

        List<String> rows = out.toString()
                .lines()
                .filter(line -> line.startsWith(TOPIC + " "))
                .toList();
        assertEquals(3, rows.size(), out.toString());
        for (int partition = 0; partition < 3; partition++) {
            long end = partition == userOnePartition ? 3 : 1;
            List<String> cells = List.of(rows.get(partition).trim().split("\\s+"));
            assertEquals(String.valueOf(partition), cells.get(1), rows.get(partition));
            assertTrue(List.of("1", "2", "3").contains(cells.get(2)), "leader: " + rows.get(partition));
            assertEquals(
                    List.of("1,2,3", "1,2,3", "0", String.valueOf(end), "-", "-", "-"),
                    cells.subList(3, 10),
                    rows.get(partition));
        }
        assertTrue(out.toString().startsWith("TOPIC "), out.toString());
    }

    @Test
    void peekShowsTheLastRecordsOverAllPartitionsByTimestamp() {
        assertEquals(0, run("peek", TOPIC, "-n", "2"), err.toString());

        assertEquals("""
                partition P  offset 1  timestamp 2023-11-14T22:13:24Z  key u-1
                (not JSON) not json {

                partition P  offset 2  timestamp 2023-11-14T22:13:25Z  key u-1
                {
                  "user_id" : "u-1",
                  "nat" : "DE"
                }

                """.replace("P", String.valueOf(userOnePartition)), out.toString());
    }

    @Test
    void peekByKeyShowsEveryRecordOfTheKeyInOrder() {
        assertEquals(0, run("peek", TOPIC, "--key", "u-1", "-n", "10"), err.toString());

        assertEquals(
                List.of(
                                "partition P  offset 0  timestamp 2023-11-14T22:13:21Z  key u-1",
                                "partition P  offset 1  timestamp 2023-11-14T22:13:24Z  key u-1",
                                "partition P  offset 2  timestamp 2023-11-14T22:13:25Z  key u-1")
                        .stream()
                        .map(line -> line.replace("P", String.valueOf(userOnePartition)))
                        .toList(),
                out.toString()
                        .lines()
                        .filter(line -> line.startsWith("partition "))
                        .toList());
    }

    @Test
    void peekByAKeyWithNoRecordsSaysSo() {
        assertEquals(0, run("peek", TOPIC, "--key", "nobody"), err.toString());
        assertEquals(TOPIC + " has no record with key nobody\n", out.toString());
    }

    @Test
    void aTopicThatDoesNotExistIsOneLineAndExit1() {
        assertEquals(1, run("peek", "no-such-topic-" + UUID.randomUUID()));
        assertTrue(err.toString().startsWith("pipeline: no topic 'no-such-topic-"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void anInvalidTopicNameIsOneLineAndExit1() {
        assertEquals(1, run("peek", "bad topic!"));
        assertEquals(
                "pipeline: 'bad topic!' is not a topic name: Topic name is invalid: 'bad topic!' contains one or "
                        + "more characters other than ASCII alphanumerics, '.', '_' and '-'\n",
                err.toString());
    }

    @Test
    void aRecordCountOutOfRangeIsAUsageError() {
        assertEquals(2, run("peek", TOPIC, "-n", "0"));
        assertTrue(err.toString().startsWith("-n must be between 1 and 1000, got 0"), err.toString());
    }
}
