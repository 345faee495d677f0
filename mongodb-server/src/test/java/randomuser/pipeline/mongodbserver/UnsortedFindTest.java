package randomuser.pipeline.mongodbserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static randomuser.pipeline.mongodbserver.FindTestUsers.id;
import static randomuser.pipeline.mongodbserver.FindTestUsers.ids;
import static randomuser.pipeline.mongodbserver.FindTestUsers.insertShuffled;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoQueryException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finds with no sort, read a batch at a time ({@link UnsortedFind}), on the server as its own process. */
class UnsortedFindTest {
    @TempDir
    Path folder;

    @Test
    void everyDocumentComesOnceInIdOrderWhateverTheBatchSize() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder.resolve("data.mv.db"));
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertShuffled(users, 1000, 10);
            List<String> all = ids(IntStream.range(0, 1000));
            // No batch size: MongoDB's first batch of 101, then whole batches.
            assertEquals(all, ids(users.find()));
            assertEquals(all, ids(users.find().batchSize(7)));
            assertEquals(all, ids(users.find().batchSize(1000)));
            assertEquals(all, ids(users.find().sort(Sorts.ascending("$natural")).batchSize(10)));
            // A sort still goes the backend's own way.
            List<String> descending = new ArrayList<>(all);
            Collections.reverse(descending);
            assertEquals(
                    descending, ids(users.find().sort(Sorts.descending("_id")).batchSize(10)));
        }
    }

    @Test
    void filterSkipLimitAndProjectionApplyAcrossBatches() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder.resolve("data.mv.db"));
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertShuffled(users, 1000, 10);
            List<String> britons = ids(IntStream.range(0, 1000).filter(i -> i % 3 == 0));
            assertEquals(britons, ids(users.find(Filters.eq("nat", "GB")).batchSize(20)));
            assertEquals(
                    britons.subList(25, 125),
                    ids(users.find(Filters.eq("nat", "GB")).skip(25).limit(100).batchSize(30)));
            assertEquals(
                    britons.subList(0, 5),
                    ids(users.find(Filters.eq("nat", "GB")).limit(-5)));
            assertEquals(
                    List.of(new Document("i", 3), new Document("i", 6)),
                    users.find(Filters.eq("nat", "GB"))
                            .skip(1)
                            .limit(2)
                            .batchSize(1)
                            .projection(Projections.fields(Projections.include("i"), Projections.excludeId()))
                            .into(new ArrayList<>()));
            assertEquals(List.of(), ids(users.find(Filters.eq("nat", "NZ")).batchSize(5)));
            assertEquals(List.of(), ids(users.find().skip(1000)));
        }
    }

    @Test
    void aLaterBatchSeesTheCollectionAsItIsThenLikeAMongoDbCursor() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder.resolve("data.mv.db"));
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertShuffled(users, 100, 10);
            List<Document> read = new ArrayList<>();
            try (MongoCursor<Document> cursor = users.find().batchSize(10).iterator()) {
                for (int i = 0; i < 10; i++) {
                    read.add(cursor.next());
                }
                users.updateOne(Filters.eq("_id", id(50)), Updates.set("nat", "NZ"));
                users.deleteOne(Filters.eq("_id", id(60)));
                users.insertOne(new Document("_id", id(5) + "a"));
                users.insertOne(new Document("_id", id(99) + "a"));
                cursor.forEachRemaining(read::add);
            }
            // user-000010 was read ahead with the first batch; ids before the cursor's place are not read again.
            List<String> expected = new ArrayList<>(ids(IntStream.range(0, 100).filter(i -> i != 60)));
            expected.add(id(99) + "a");
            assertEquals(expected, ids(read));
            assertEquals("NZ", read.get(50).getString("nat"));
        }
    }

    @Test
    void aCollectionDroppedUnderAFindEndsItWithMongoDbsError() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder.resolve("data.mv.db"));
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertShuffled(users, 100, 10);
            try (MongoCursor<Document> cursor = users.find().batchSize(10).iterator()) {
                for (int i = 0; i < 10; i++) {
                    cursor.next();
                }
                users.drop();
                MongoQueryException error = assertThrows(MongoQueryException.class, cursor::next);
                assertEquals(175, error.getErrorCode());
                assertEquals(
                        "collection randomuser.profiles was dropped while this find read it", error.getErrorMessage());
            }
        }
    }

    /**
     * 30,000 documents of ~2 KiB, 60 MiB of BSON, about the server's whole heap of 64 MiB: the backend's own find,
     * and its aggregations, which read the collection through the same path, decode them all at once, and the
     * server runs out of memory and exits (checked).
     */
    @Test
    void aCollectionLargerThanTheServersHeapIsReadWholeAndAggregated() throws Exception {
        try (ServerProcess server =
                        ServerProcess.start(folder.resolve("data.mv.db"), List.of("-Xmx64m"), "--cache-mib", "8");
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertShuffled(users, 30_000, 2000);
            assertEquals(ids(IntStream.range(0, 30_000)), ids(users.find()));
            assertEquals(10_000, users.countDocuments(Filters.eq("nat", "GB")));
            assertEquals(
                    List.of(
                            new Document("_id", "FR").append("users", 20_000),
                            new Document("_id", "GB").append("users", 10_000)),
                    users.aggregate(List.of(
                                    Aggregates.group("$nat", Accumulators.sum("users", 1)),
                                    Aggregates.sort(Sorts.ascending("_id"))))
                            .into(new ArrayList<>()));
        }
    }
}
