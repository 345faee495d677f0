package randomuser.pipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/** The extension hands a test a working MongoDB (here: the local stack's server, or MONGODB_URI). */
@ExtendWith(MongoExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MongoExtensionIT {
    @Test
    void givesAServerThatAnswers(TestMongo mongo) {
        try (MongoClient client = mongo.newClient()) {
            MongoDatabase database = client.getDatabase(TestMongo.uniqueDatabaseName("extension"));
            try {
                database.getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
                assertEquals(1, database.getCollection("things").countDocuments());
                assertEquals(1.0, client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok", Number.class).doubleValue());
            } finally {
                database.drop();
            }
        }
    }
}
