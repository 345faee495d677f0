package randomuser.pipeline.mongodbserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as its own process on a data file of the test's: durability, versions, bulks, queries, errors. */
class DataFileServerTest {
    @TempDir
    Path folder;

    private Path dataFile() {
        return folder.resolve("mongodb").resolve("data.mv.db");
    }

    /** Replace-upserts of users {@code from..to-1}, each document carrying {@code round}, in one ordered bulk. */
    private static BulkWriteResult upsertUsers(MongoCollection<Document> users, int from, int to, int round) {
        List<ReplaceOneModel<Document>> models = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = String.format("user-%06d", i);
            models.add(new ReplaceOneModel<>(
                    Filters.eq("_id", id),
                    new Document("_id", id)
                            .append("round", round)
                            .append("nat", i % 2 == 0 ? "GB" : "FR")
                            .append("age", 20 + i % 50),
                    new ReplaceOptions().upsert(true)));
        }
        return users.bulkWrite(models, new BulkWriteOptions().ordered(true));
    }

    @Test
    void writesAcknowledgedJustBeforeAKill9AreThereAfterARestart() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            for (int from = 0; from < 3000; from += 500) {
                upsertUsers(users, from, from + 500, 1);
            }
            upsertUsers(users, 0, 500, 2);
            // No pause: the background commit (about once a second) has had no chance to run.
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            assertEquals(3000, users.countDocuments());
            assertEquals(500, users.countDocuments(Filters.eq("round", 2)));
            assertEquals(2500, users.countDocuments(Filters.eq("round", 1)));
            assertEquals(
                    new Document("_id", "user-000499")
                            .append("round", 2)
                            .append("nat", "FR")
                            .append("age", 69),
                    users.find(Filters.eq("_id", "user-000499")).first());
        }
    }

    @Test
    void dataIsKeptAcrossACleanStopAndStart() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            upsertUsers(client.getDatabase("randomuser").getCollection("profiles"), 0, 1200, 1);
            client.getDatabase("randomuser").getCollection("profiles").createIndex(new Document("nat", 1));
            server.stop();
            assertTrue(server.output().contains("mongodb-server: stopped, data file closed"), server.output());
        }
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            assertEquals(1200, users.countDocuments());
            Set<String> indexes =
                    users.listIndexes().map(index -> index.getString("name")).into(new HashSet<>());
            assertEquals(Set.of("_id_", "nat_1"), indexes);
        }
    }

    @Test
    void documentsOfEveryBsonTypeComeBackUnchangedAfterARestart() throws Exception {
        Document stored = new Document("_id", "0b6a2a4e-5b1c-4f6e-9d7a-2f1e0c3b4a59")
                .append("string", "Zoë O'Farrell")
                .append("int32", 36)
                .append("int64", 12_345_678_901L)
                .append("double", -63.2349)
                .append("date", new Date(1_700_000_000_123L))
                .append("null", null)
                .append("true", true)
                .append("nested", new Document("street", new Document("number", 9375).append("name", "Oak")))
                .append("array", List.of("GB", 2, new Document("a", 1.5)))
                .append("objectId", new ObjectId("65f1c0ffee0123456789abcd"))
                .append("decimal", Decimal128.parse("1234.5678"))
                .append("binary", new Binary(new byte[] {0, 1, 2, (byte) 255}));
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            client.getDatabase("randomuser").getCollection("profiles").insertOne(stored);
            server.stop();
        }
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            assertEquals(
                    stored,
                    client.getDatabase("randomuser")
                            .getCollection("profiles")
                            .find()
                            .first());
        }
    }

    @Test
    void aBulkOfAThousandMatchingReplaceUpsertsSucceeds() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            BulkWriteResult first = upsertUsers(users, 0, 1000, 1);
            assertEquals(1000, first.getUpserts().size());
            BulkWriteResult again = upsertUsers(users, 0, 1000, 2);
            assertEquals(0, again.getUpserts().size());
            assertEquals(1000, again.getMatchedCount());
            assertEquals(1000, again.getModifiedCount());
            assertEquals(1000, users.countDocuments(Filters.eq("round", 2)));
            assertEquals(1000, users.countDocuments());
        }
    }

    /**
     * A data file of the release before this one (written by it: three profiles, one picture, an index on gender),
     * whose _id index still has Java-serialized keys: its index moves to BSON keys at the first open, keeps
     * enforcing uniqueness, and the file works on after a restart.
     */
    @Test
    void aDataFileWithJavaSerializedIndexKeysIsReadUpdatedAndKept() throws Exception {
        Files.createDirectories(dataFile().getParent());
        try (InputStream previous = getClass().getResourceAsStream("data-file-with-java-serialized-index.mv.db")) {
            Files.copy(previous, dataFile());
        }
        String jon = "0b1c6f8e-1111-4aaa-8bbb-000000000002";
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> profiles =
                    client.getDatabase("randomuser").getCollection("profiles");
            assertEquals(3, profiles.countDocuments());
            assertEquals(
                    1,
                    client.getDatabase("randomuser").getCollection("pictures").countDocuments());
            UpdateResult replaced = profiles.replaceOne(
                    Filters.eq("_id", jon),
                    new Document("_id", jon).append("gender", "male").append("round", 2),
                    new ReplaceOptions().upsert(true));
            assertEquals(1, replaced.getMatchedCount());
            assertNull(replaced.getUpsertedId());
            MongoWriteException duplicate =
                    assertThrows(MongoWriteException.class, () -> profiles.insertOne(new Document("_id", jon)));
            assertEquals(11000, duplicate.getCode());
            server.stop();
        }
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> profiles =
                    client.getDatabase("randomuser").getCollection("profiles");
            assertEquals(3, profiles.countDocuments());
            assertEquals(
                    new Document("_id", jon).append("gender", "male").append("round", 2),
                    profiles.find(Filters.eq("_id", jon)).first());
            assertEquals(
                    new Document("first", "Ana").append("last", "Silva"),
                    profiles.find(Filters.eq("_id", "0b1c6f8e-1111-4aaa-8bbb-000000000003"))
                            .first()
                            .get("name"));
            assertEquals(
                    Set.of("_id_", "gender_1"),
                    profiles.listIndexes().map(index -> index.getString("name")).into(new HashSet<>()));
        }
    }

    @Test
    void twelveClientsAtOnceAreServedByTwelveThreadsOrMore() throws Exception {
        List<MongoClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(dataFile())) {
            for (int i = 0; i < 12; i++) {
                MongoClient client = server.client();
                clients.add(client);
                client.getDatabase("admin").runCommand(new Document("ping", 1));
            }
            // Netty's default on two cores would serve them all on four.
            long threads = clientThreads(server.pid());
            assertTrue(
                    threads >= 12 && threads <= DataFileServer.CLIENT_THREADS,
                    threads + " threads serve 12 clients' connections");
        } finally {
            clients.forEach(MongoClient::close);
        }
    }

    /** The server's threads that run clients' commands (Linux keeps the first 15 characters of a thread's name). */
    private static long clientThreads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(task -> threadName(task).startsWith("mongo-server-wo"))
                    .count();
        }
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    @Test
    void advertisesMongoDb44WithWireVersion9() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            Document buildInfo = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            assertEquals("4.4.0", buildInfo.getString("version"));
            assertEquals("mongo-java-server 1.47.0, H2 2.3.232", buildInfo.getString("localServer"));
            Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
            assertEquals(9, hello.getInteger("maxWireVersion"));
        }
    }

    @Test
    void answersTheLookupAndGroupQueriesOfQueriesJs() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile());
                MongoClient client = server.client()) {
            MongoCollection<Document> profiles =
                    client.getDatabase("randomuser").getCollection("profiles");
            MongoCollection<Document> contacts =
                    client.getDatabase("randomuser").getCollection("contacts");
            upsertUsers(profiles, 0, 4, 1);
            contacts.insertOne(new Document("_id", "user-000002").append("email", "two@example.com"));

            Document joined = profiles.aggregate(List.of(
                            Aggregates.match(Filters.eq("_id", "user-000002")),
                            Aggregates.lookup("contacts", "_id", "_id", "contact")))
                    .first();
            assertEquals(
                    List.of(new Document("_id", "user-000002").append("email", "two@example.com")),
                    joined.getList("contact", Document.class));

            List<Document> byNat = profiles.aggregate(List.of(
                            Aggregates.group("$nat", Accumulators.sum("users", 1), Accumulators.avg("age", "$age")),
                            Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            assertEquals(
                    List.of(
                            new Document("_id", "FR").append("users", 2).append("age", 22.0),
                            new Document("_id", "GB").append("users", 2).append("age", 21.0)),
                    byNat);
        }
    }

    @Test
    void aBadOptionEndsWithOneLineAndExitCode2() throws Exception {
        ServerProcess.Finished finished = ServerProcess.runToEnd(
                List.of("--port", "70000", "--data-file", dataFile().toString()));
        assertEquals(2, finished.exitCode());
        assertEquals("mongodb-server: --port must be between 0 and 65535, got 70000\n", finished.output());

        ServerProcess.Finished noFile = ServerProcess.runToEnd(List.of("--port", "27099"));
        assertEquals(2, noFile.exitCode());
        assertTrue(
                noFile.output()
                        .startsWith("mongodb-server: Missing required option: '--data-file=<dataFile>' (see --help)"),
                noFile.output());
    }

    @Test
    void aPortInUseEndsWithOneLineAndExitCode1() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile())) {
            ServerProcess.Finished second = ServerProcess.runToEnd(List.of(
                    "--port",
                    Integer.toString(server.port()),
                    "--data-file",
                    folder.resolve("other.mv.db").toString()));
            assertEquals(1, second.exitCode());
            String lastLine =
                    second.output().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(
                    lastLine.startsWith("mongodb-server: cannot listen on 127.0.0.1:" + server.port() + " ("),
                    second.output());
            assertTrue(lastLine.endsWith("); stop what uses the port, or give another --port"), second.output());
        }
    }

    @Test
    void aDataFileInUseByAnotherServerEndsWithOneLineAndExitCode1() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataFile())) {
            ServerProcess.Finished second = ServerProcess.runToEnd(List.of(
                    "--port",
                    Integer.toString(ServerProcess.freePort()),
                    "--data-file",
                    dataFile().toString()));
            assertEquals(1, second.exitCode());
            String lastLine =
                    second.output().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(lastLine.startsWith("mongodb-server: cannot open the data file " + dataFile()), second.output());
            assertTrue(
                    lastLine.endsWith("is another server using it? Stop it, or give another --data-file"),
                    second.output());
        }
    }
}
