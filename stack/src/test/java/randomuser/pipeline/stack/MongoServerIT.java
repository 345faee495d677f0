package randomuser.pipeline.stack;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;

/** The MongoDB-compatible server answers the Java driver like MongoDB: the operations the pipeline uses. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MongoServerIT {
    @Test
    void insertUpsertByIdFindAndCount() {
        LocalStack stack = LocalStack.forProject();
        stack.ensureMongo();
        String databaseName = "stack_it_" + UUID.randomUUID().toString().replace("-", "");
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoDatabase database = client.getDatabase(databaseName);
            try {
                MongoCollection<Document> users = database.getCollection("profiles");
                users.insertOne(new Document("_id", "uuid-1").append("name", "Ada").append("age", 36));

                UpdateResult replaced = users.replaceOne(eq("_id", "uuid-1"),
                        new Document("_id", "uuid-1").append("name", "Ada Lovelace").append("age", 37),
                        new ReplaceOptions().upsert(true));
                assertEquals(1, replaced.getMatchedCount());
                assertNull(replaced.getUpsertedId());

                UpdateResult inserted = users.replaceOne(eq("_id", "uuid-2"),
                        new Document("_id", "uuid-2").append("name", "Alan").append("age", 41),
                        new ReplaceOptions().upsert(true));
                assertEquals(0, inserted.getMatchedCount());
                assertEquals("uuid-2", inserted.getUpsertedId().asString().getValue());

                assertEquals(new Document("_id", "uuid-1").append("name", "Ada Lovelace").append("age", 37),
                        users.find(eq("_id", "uuid-1")).first());
                assertEquals(List.of("uuid-1", "uuid-2"),
                        users.find().sort(new Document("_id", 1)).map(d -> d.getString("_id")).into(new ArrayList<>()));
                assertEquals(2, users.countDocuments());
                assertEquals(1, users.countDocuments(eq("age", 41)));
            } finally {
                database.drop();
            }
        }
    }
}
