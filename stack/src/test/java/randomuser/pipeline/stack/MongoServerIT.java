package randomuser.pipeline.stack;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's MongoDB-compatible server answers the Java driver and mongosh like MongoDB: the operations the
 * pipeline uses, the two scripts of mongo/, and its data outlives a stop. Each test uses a database of its own.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MongoServerIT {
    private static String newDatabaseName() {
        return "stack_it_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void insertUpsertByIdFindAndCount() {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().mongoServer());
        String databaseName = newDatabaseName();
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoDatabase database = client.getDatabase(databaseName);
            try {
                MongoCollection<Document> users = database.getCollection("profiles");
                users.insertOne(
                        new Document("_id", "uuid-1").append("name", "Ada").append("age", 36));

                UpdateResult replaced = users.replaceOne(
                        eq("_id", "uuid-1"),
                        new Document("_id", "uuid-1")
                                .append("name", "Ada Lovelace")
                                .append("age", 37),
                        new ReplaceOptions().upsert(true));
                assertEquals(1, replaced.getMatchedCount());
                assertNull(replaced.getUpsertedId());

                UpdateResult inserted = users.replaceOne(
                        eq("_id", "uuid-2"),
                        new Document("_id", "uuid-2").append("name", "Alan").append("age", 41),
                        new ReplaceOptions().upsert(true));
                assertEquals(0, inserted.getMatchedCount());
                assertEquals("uuid-2", inserted.getUpsertedId().asString().getValue());

                assertEquals(
                        new Document("_id", "uuid-1")
                                .append("name", "Ada Lovelace")
                                .append("age", 37),
                        users.find(eq("_id", "uuid-1")).first());
                assertEquals(
                        List.of("uuid-1", "uuid-2"),
                        users.find()
                                .sort(new Document("_id", 1))
                                .map(d -> d.getString("_id"))
                                .into(new ArrayList<>()));
                assertEquals(2, users.countDocuments());
                assertEquals(1, users.countDocuments(eq("age", 41)));
            } finally {
                database.drop();
            }
        }
    }

    @Test
    void documentsAndIndexesOutliveAStopAndAStart() {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().mongoServer());
        String databaseName = newDatabaseName();
        try {
            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                MongoCollection<Document> users =
                        client.getDatabase(databaseName).getCollection("profiles");
                for (int i = 0; i < 700; i++) {
                    users.replaceOne(
                            eq("_id", "uuid-" + i),
                            new Document("_id", "uuid-" + i).append("n", i),
                            new ReplaceOptions().upsert(true));
                }
                users.createIndex(new Document("n", 1));
            }
            stack.faults().stopMongo();
            stack.faults().startMongo();
            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                MongoCollection<Document> users =
                        client.getDatabase(databaseName).getCollection("profiles");
                assertEquals(700, users.countDocuments());
                assertEquals(
                        new Document("_id", "uuid-699").append("n", 699),
                        users.find(eq("_id", "uuid-699")).first());
                assertEquals(
                        List.of("_id_", "n_1"),
                        users.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()).stream()
                                .sorted()
                                .toList());
            }
        } finally {
            stack.faults().startMongo(); // if the test stopped half-way
            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                client.getDatabase(databaseName).drop();
            }
        }
    }

    /** One user in all six collections, as the streaming jobs write them (lineage included). */
    private static void storeOneUser(MongoDatabase database) {
        Document ingest = new Document("topic", "randomuser.profiles")
                .append("partition", 0)
                .append("offset", 7L)
                .append("run_id", "manual__it")
                .append("written_at", new Date(1_700_000_000_000L));
        String id = "0b6a2a4e-5b1c-4f6e-9d7a-2f1e0c3b4a59";
        database.getCollection("profiles")
                .insertOne(new Document("_id", id)
                        .append("gender", "female")
                        .append(
                                "name",
                                new Document("title", "Ms")
                                        .append("first", "Ada")
                                        .append("last", "Lovelace"))
                        .append("dob", new Document("date", new Date(0)).append("age", 36))
                        .append("nat", "GB")
                        .append("_ingest", ingest));
        database.getCollection("locations")
                .insertOne(new Document("_id", id)
                        .append("location", new Document("city", "London").append("postcode", "W1 1AA"))
                        .append("_ingest", ingest));
        database.getCollection("contacts")
                .insertOne(new Document("_id", id)
                        .append("email", "ada@example.com")
                        .append("_ingest", ingest));
        database.getCollection("accounts")
                .insertOne(new Document("_id", id)
                        .append("login", new Document("uuid", id).append("username", "ada36"))
                        .append("_ingest", ingest));
        database.getCollection("identities")
                .insertOne(new Document("_id", id)
                        .append("id", new Document("name", "NINO").append("value", null))
                        .append("_ingest", ingest));
        database.getCollection("pictures")
                .insertOne(new Document("_id", id)
                        .append("picture", new Document("thumbnail", "https://example.com/ada.jpg"))
                        .append("_ingest", ingest));
        database.getCollection("profiles")
                .insertOne(new Document("_id", "9f1c")
                        .append("gender", "male")
                        .append("dob", new Document("age", 40))
                        .append("nat", "GB"));
    }

    @Test
    void mongoshRunsMongoInitAndQueriesOnIt(@TempDir Path scratch) throws Exception {
        LocalStack stack = LocalStack.forProject();
        stack.requireRunning(stack.topology().mongoServer());
        String databaseName = newDatabaseName();
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            try {
                Mongosh init = Mongosh.run(stack, databaseName, stack.layout().mongoInitScript(), scratch);
                assertEquals(0, init.exitCode(), init.output());
                assertTrue(
                        init.output()
                                .contains("mongo-init: database " + databaseName
                                        + " on mongo-java-server 1.47.0, H2 2.3.232 (reports MongoDB 4.4.0)"),
                        init.output());
                assertTrue(
                        init.output().endsWith("mongo-init: done (7 collections and 11 indexes created)\n"),
                        init.output());
                Mongosh again = Mongosh.run(stack, databaseName, stack.layout().mongoInitScript(), scratch);
                assertTrue(
                        again.output().endsWith("mongo-init: done (0 collections and 0 indexes created)\n"),
                        again.output());

                storeOneUser(client.getDatabase(databaseName));
                Mongosh queries = Mongosh.run(
                        stack,
                        databaseName,
                        stack.layout().mongoQueriesScript(),
                        scratch,
                        Map.of("USER_ID", "0b6a2a4e-5b1c-4f6e-9d7a-2f1e0c3b4a59"));
                assertEquals(0, queries.exitCode(), queries.output());
                String out = queries.output();
                // The $lookup pipeline joined all six facets of the user, without their lineage but once.
                for (String expected : List.of(
                        "== User 0b6a2a4e-5b1c-4f6e-9d7a-2f1e0c3b4a59",
                        "first: 'Ada'",
                        "city: 'London'",
                        "email: 'ada@example.com'",
                        "username: 'ada36'",
                        "value: null",
                        "thumbnail: 'https://example.com/ada.jpg'",
                        "lineage (profiles._ingest):",
                        "run_id: 'manual__it'")) {
                    assertTrue(out.contains(expected), "missing `" + expected + "` in:\n" + out);
                }
                assertEquals(1, out.split("run_id: 'manual__it'", -1).length - 1, out);
                // $group with $sum and $avg: two GB profiles, one of each gender, average age 38.
                assertTrue(
                        out.contains("nat    female    male   total avg age\nGB          1       1       2    38.0\n"),
                        out);
                assertTrue(out.contains("== Run manual__it"), out);
                // The report's aggregations, read from report-aggregations.json next to the script.
                assertTrue(
                        out.contains("== Gender\n{\"_id\":\"female\",\"users\":1}\n{\"_id\":\"male\",\"users\":1}\n"),
                        out);
                assertTrue(
                        out.contains(
                                "== Documents per collection\nprofiles    {\"documents\":2}\nlocations   {\"documents\":1}\n"),
                        out);
                // Its lineage has written_at but no fetched_at or kafka_ts: no latency to count.
                assertTrue(
                        out.contains("(run manual__it)\nprofiles           0 documents  p50    0.0  p95    0.0"), out);
            } finally {
                client.getDatabase(databaseName).drop();
            }
        }
    }

    /** mongosh run on a script with MONGODB_DATABASE set, as a user runs it; its exit code and output. */
    private record Mongosh(int exitCode, String output) {
        static Mongosh run(LocalStack stack, String database, Path script, Path scratch) throws Exception {
            return run(stack, database, script, scratch, Map.of());
        }

        static Mongosh run(LocalStack stack, String database, Path script, Path scratch, Map<String, String> env)
                throws IOException, InterruptedException {
            Path output = Files.createTempFile(scratch, "mongosh-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(
                            stack.layout().mongoShell().toString(), "--quiet", stack.mongoUri(), script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("MONGODB_DATABASE", database);
            builder.environment().put("DO_NOT_TRACK", "1");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "mongosh " + script + " did not end within 2 minutes: " + Files.readString(output));
            }
            return new Mongosh(process.exitValue(), Files.readString(output));
        }
    }
}
