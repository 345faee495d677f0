package randomuser.pipeline.mongodbserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static randomuser.pipeline.mongodbserver.FindTestUsers.id;
import static randomuser.pipeline.mongodbserver.FindTestUsers.ids;
import static randomuser.pipeline.mongodbserver.FindTestUsers.insertInOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoQueryException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finds with a sort over a full scan, held within bounds (BsonBytesCollection), on the server as its own process. */
class SortedFindTest {
    @TempDir
    Path folder;

    @Test
    void aSortReturnsTheWholeOrderAndEqualKeysKeepTheirIdOrder() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder.resolve("data.mv.db"));
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertInOrder(users, 1000, 10);
            assertEquals(
                    IntStream.iterate(999, i -> i - 1)
                            .limit(1000)
                            .mapToObj(FindTestUsers::id)
                            .toList(),
                    ids(users.find().sort(Sorts.descending("i")).batchSize(100)));
            List<String> frenchThenBritish = new ArrayList<>(IntStream.range(0, 1000)
                    .filter(i -> i % 3 != 0)
                    .mapToObj(FindTestUsers::id)
                    .toList());
            frenchThenBritish.addAll(IntStream.range(0, 1000)
                    .filter(i -> i % 3 == 0)
                    .mapToObj(FindTestUsers::id)
                    .toList());
            assertEquals(frenchThenBritish, ids(users.find().sort(Sorts.ascending("nat"))));
            assertEquals(
                    frenchThenBritish.subList(660, 670),
                    ids(users.find().sort(Sorts.ascending("nat")).skip(660).limit(10)));
            assertEquals(
                    List.of(new Document("i", 996), new Document("i", 993)),
                    users.find(Filters.eq("nat", "GB"))
                            .sort(Sorts.descending("i"))
                            .skip(1)
                            .limit(2)
                            .projection(Projections.fields(Projections.include("i"), Projections.excludeId()))
                            .into(new ArrayList<>()));
        }
    }

    /**
     * 30,000 documents of ~2 KiB, 60 MiB of BSON: a sort with a limit keeps only its first documents and answers;
     * one without fails with MongoDB's error, and the server goes on serving. Before, the server held them all
     * decoded, some 5 KiB each, and ran out of memory.
     */
    @Test
    void aSortOverMoreThanItsMemoryLimitNeedsALimit() throws Exception {
        try (ServerProcess server = ServerProcess.start(folder.resolve("data.mv.db"));
                MongoClient client = server.client()) {
            MongoCollection<Document> users = client.getDatabase("randomuser").getCollection("profiles");
            insertInOrder(users, 30_000, 2000);
            assertEquals(
                    List.of(id(29_999), id(29_998), id(29_997)),
                    ids(users.find().sort(Sorts.descending("i")).limit(3)));
            assertEquals(
                    List.of(id(29_996), id(29_995)),
                    ids(users.find(Filters.eq("nat", "FR"))
                            .sort(Sorts.descending("i"))
                            .skip(2)
                            .limit(2)));

            MongoQueryException error = assertThrows(
                    MongoQueryException.class,
                    () -> users.find()
                            .sort(Sorts.descending("i"))
                            .batchSize(10)
                            .iterator()
                            .next());
            assertEquals(292, error.getErrorCode());
            assertEquals(
                    "Sort exceeded memory limit of 33554432 bytes, but did not opt in to external sorting. "
                            + "This server sorts in memory only: add a filter or a limit, or read without a sort",
                    error.getErrorMessage());
            assertEquals(30_000, users.countDocuments());
        }
    }
}
