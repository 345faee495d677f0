package randomuser.pipeline.testsupport;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The MongoDB a test runs against, and where it came from.
 *
 * @param uri    connection string, without a database
 * @param source how it was found: {@code MONGODB_URI}, {@code local stack} or {@code Testcontainers mongo:7}
 */
public record TestMongo(String uri, String source) {
    public MongoClient newClient() {
        return MongoClients.create(uri);
    }

    /** A database name no other test uses ("test_profiles_3f2a..."), so test classes never see each other's data. */
    public static String uniqueDatabaseName(String prefix) {
        return "test_" + prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
