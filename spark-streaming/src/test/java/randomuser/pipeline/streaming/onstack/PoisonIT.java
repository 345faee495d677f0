package randomuser.pipeline.streaming.onstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.probe.StreamingJobStatus;
import randomuser.pipeline.streaming.onstack.FetcherCli.SeededUsers;
import randomuser.pipeline.testsupport.FacetDocumentCheck;

/**
 * 100 malformed values among valid ones on one topic, produced with a plain KafkaProducer: each becomes exactly
 * one dead letter naming its topic, partition, offset, key, raw value and the precise reason; every valid user
 * is stored as produced, including users whose malformed copy came after their valid record (an invalid newer
 * record never hides a valid older one); the stream goes on. The driver is killed with a batch in flight part
 * way through and started again: each dead letter is still stored exactly once.
 */
@ExtendWith(ExclusiveSparkWorkers.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PoisonIT {
    private static final SeededUsers USERS = new SeededUsers("it-poison", 100, 2, "it-poison-run");
    private static final Facet FACET = Facet.PROFILE;
    private static final int POISON = 100;
    /** 300 records in batches of at most 30: ten batches, a third of them behind the kill. */
    private static final int MAX_OFFSETS_PER_TRIGGER = 30;

    private static final int KILL_AFTER_DEAD_LETTERS = 30;

    /** One kind of malformed value, made from a valid one, and the reason the job must give for it. */
    private record Kind(String reason, boolean keyedByUser, Function<ObjectNode, byte[]> make) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "value is not JSON",
                    false,
                    valid -> text("not json {" + valid.path("user_id").asText())),
            new Kind("value is not a JSON object", false, valid -> text("[1, 2, 3]")),
            new Kind("value is null", false, valid -> null),
            new Kind(
                    "value has a duplicate field",
                    false,
                    valid -> text("{\"user_id\":\"a\",\"user_id\":\""
                            + valid.path("user_id").asText() + "\"}")),
            new Kind("missing user_id", true, valid -> json(edit(valid, v -> v.remove("user_id")))),
            new Kind(
                    "unsupported schema_version 2 (expected 1)",
                    true,
                    valid -> json(edit(valid, v -> v.put("schema_version", 2)))),
            new Kind(
                    "field gender: expected string, got integer",
                    true,
                    valid -> json(edit(valid, v -> v.put("gender", 1)))),
            new Kind(
                    "field dob.age: expected integer, got string",
                    true,
                    valid -> json(edit(valid, v -> ((ObjectNode) v.get("dob")).put("age", "42")))),
            new Kind(
                    "field dob.date: expected ISO-8601 timestamp, got \"yesterday\"",
                    true,
                    valid -> json(edit(valid, v -> ((ObjectNode) v.get("dob")).put("date", "yesterday")))),
            new Kind(
                    "field name.first: missing",
                    true,
                    valid -> json(edit(valid, v -> ((ObjectNode) v.get("name")).remove("first")))),
            new Kind("field nat: null", true, valid -> json(edit(valid, v -> v.putNull("nat")))));

    /** A dead letter as it must be stored. */
    private record Expected(String topic, int partition, long offset, String key, String rawValue, String reason) {}

    @Test
    void everyMalformedValueIsOneDeadLetterWithItsOffsetAndReasonAndEveryValidUserIsStored() throws Exception {
        try (TestRun run = TestRun.create("poison")) {
            Map<String, JsonNode> valid = run.fetcher().dryRun(USERS).get(FACET);
            String topic = run.topic(FACET);
            // Small batches, so the driver can be killed between the first dead letters and the last.
            TestJob job = run.job(FACET, "--max-offsets-per-trigger", Integer.toString(MAX_OFFSETS_PER_TRIGGER));

            Map<String, Expected> expectedDeadLetters = new TreeMap<>();
            Map<String, RecordMetadata> validRecords = new HashMap<>();
            try (KafkaProducer<String, byte[]> producer = producer(run)) {
                int sent = 0;
                for (Map.Entry<String, JsonNode> user : valid.entrySet()) {
                    validRecords.put(user.getKey(), send(producer, topic, user.getKey(), json(user.getValue())));
                    // One malformed value after every second valid one: 100 among 200.
                    if (validRecords.size() % 2 == 0 && sent < POISON) {
                        Kind kind = KINDS.get(sent % KINDS.size());
                        String key = kind.keyedByUser() ? user.getKey() : "poison-" + sent;
                        byte[] value = kind.make().apply(((ObjectNode) user.getValue()).deepCopy());
                        RecordMetadata metadata = send(producer, topic, key, value);
                        Expected expected = new Expected(
                                topic,
                                metadata.partition(),
                                metadata.offset(),
                                key,
                                value == null ? null : new String(value, StandardCharsets.UTF_8),
                                kind.reason());
                        expectedDeadLetters.put(topic + ":" + metadata.partition() + ":" + metadata.offset(), expected);
                        sent++;
                    }
                }
            }
            assertEquals(POISON, expectedDeadLetters.size(), "malformed values produced");

            // Killed with a batch in flight once some dead letters are written, then started again from its
            // checkpoint: the batch is run again, and its dead letters (keyed by topic:partition:offset) are
            // written again in place, never twice.
            run.start(List.of(job));
            StreamingJobStatus atKill = run.killWithBatchInFlight(
                    job,
                    KILL_AFTER_DEAD_LETTERS + " dead letters written",
                    status -> status.totalDeadLettered() >= KILL_AFTER_DEAD_LETTERS);
            long deadLettersAtKill = run.deadLetters().countDocuments();
            System.out.println(
                    "killed " + job.name() + " (SIGKILL) at " + TestJob.describe(atKill) + "; " + deadLettersAtKill
                            + " dead letters stored; checkpoint " + Checkpoints.describe(job.checkpointDir()));
            assertTrue(
                    deadLettersAtKill > 0 && deadLettersAtKill < POISON,
                    "dead letters at the kill: " + deadLettersAtKill);
            run.start(List.of(job));

            Await.until(
                    "documents and dead letters in " + run.databaseName(),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(8),
                    () -> {
                        run.requireRunning(List.of(job));
                        return List.of(
                                run.collection(FACET).countDocuments(),
                                run.deadLetters().countDocuments());
                    },
                    counts -> counts.get(0) >= USERS.count() && counts.get(1) >= POISON,
                    () -> run.diagnostics(List.of(job)));

            assertDeadLetters(run, expectedDeadLetters);
            assertValidUsers(run, valid, validRecords);
        }
    }

    private static void assertDeadLetters(TestRun run, Map<String, Expected> expected) {
        Map<String, Document> stored = new TreeMap<>();
        run.deadLetters().find().forEach(d -> stored.put(String.valueOf(d.get("_id")), d));
        assertEquals(expected.keySet(), stored.keySet(), "dead letters' _ids (topic:partition:offset)");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            Expected want = entry.getValue();
            Document got = stored.get(entry.getKey());
            Map<String, Object> wanted = new LinkedHashMap<>();
            wanted.put("topic", want.topic());
            wanted.put("partition", want.partition());
            wanted.put("offset", want.offset());
            wanted.put("key", want.key());
            wanted.put("raw_value", want.rawValue());
            wanted.put("reason", want.reason());
            Map<String, Object> actual = new LinkedHashMap<>();
            wanted.keySet().forEach(field -> actual.put(field, got.get(field)));
            if (!wanted.equals(actual)) {
                problems.add(entry.getKey() + ": expected " + wanted + ", got " + actual);
            }
            if (!got.keySet()
                            .equals(Set.of(
                                    "_id", "topic", "partition", "offset", "key", "raw_value", "reason", "failed_at"))
                    || !(got.get("failed_at") instanceof Date)) {
                problems.add(entry.getKey() + ": fields " + got.keySet() + ", failed_at "
                        + FacetDocumentCheck.describe(got.get("failed_at")));
            }
        }
        assertEquals(List.of(), problems.stream().limit(20).toList(), "dead letters that differ");
    }

    private static void assertValidUsers(
            TestRun run, Map<String, JsonNode> valid, Map<String, RecordMetadata> records) {
        Map<String, Document> stored = new HashMap<>();
        run.collection(FACET).find().forEach(d -> stored.put(String.valueOf(d.get("_id")), d));
        assertEquals(new TreeSet<>(valid.keySet()), new TreeSet<>(stored.keySet()), "stored users");
        List<String> problems = new ArrayList<>();
        valid.forEach((id, value) -> {
            Document document = stored.get(id);
            FacetDocumentCheck.valueDifferences(FACET, value, document, Set.of())
                    .forEach(p -> problems.add(id + " " + p));
            Document lineage = (Document) document.get("_ingest");
            RecordMetadata record = records.get(id);
            if (lineage == null
                    || !Integer.valueOf(record.partition()).equals(lineage.get("partition"))
                    || !Long.valueOf(record.offset()).equals(lineage.get("offset"))) {
                problems.add(id + ": _ingest " + lineage + " is not the valid record at " + record.partition() + ":"
                        + record.offset());
            }
        });
        assertEquals(
                List.of(), problems.stream().limit(20).toList(), "stored users that differ from their valid record");
    }

    private static KafkaProducer<String, byte[]> producer(TestRun run) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.stack().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one record and waits for its acknowledgement: the order on a partition is the order of the loop. */
    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
            throws InterruptedException, ExecutionException, TimeoutException {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
    }

    private static ObjectNode edit(ObjectNode value, java.util.function.Consumer<ObjectNode> change) {
        change.accept(value);
        return value;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(JsonNode value) {
        try {
            return FetcherCli.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
