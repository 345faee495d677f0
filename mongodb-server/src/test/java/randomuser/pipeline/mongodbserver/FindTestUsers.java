package randomuser.pipeline.mongodbserver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The users the find tests store: {@code _id} "user-000042" (key order is number order), {@code i} the number,
 * {@code nat} GB for every third one and FR for the others, and padding to give each document a size.
 */
final class FindTestUsers {
    private FindTestUsers() {}

    static String id(int i) {
        return String.format("user-%06d", i);
    }

    /** The ids of these numbers, in their order. */
    static List<String> ids(IntStream numbers) {
        return numbers.mapToObj(FindTestUsers::id).toList();
    }

    /** The ids of the documents, in the order read. */
    static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    static Document user(int i, int padding) {
        return new Document("_id", id(i))
                .append("i", i)
                .append("nat", i % 3 == 0 ? "GB" : "FR")
                .append("padding", "x".repeat(padding));
    }

    /** Users 0..count-1, inserted in bulks of 1,000 in number order. */
    static void insertInOrder(MongoCollection<Document> users, int count, int padding) {
        insert(users, IntStream.range(0, count).boxed().toList(), padding);
    }

    /** Users 0..count-1, inserted in a shuffled order so that key order is the server's doing. */
    static void insertShuffled(MongoCollection<Document> users, int count, int padding) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        Collections.shuffle(order, new Random(7));
        insert(users, order, padding);
    }

    private static void insert(MongoCollection<Document> users, List<Integer> order, int padding) {
        for (int from = 0; from < order.size(); from += 1000) {
            users.insertMany(order.subList(from, Math.min(order.size(), from + 1000)).stream()
                    .map(i -> user(i, padding))
                    .toList());
        }
    }
}
