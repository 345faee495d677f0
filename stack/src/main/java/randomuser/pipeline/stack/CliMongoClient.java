package randomuser.pipeline.stack;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The MongoDB client of the CLI's queries (a run's documents, the report). */
public final class CliMongoClient {
    /** A server that is down is reported within this, not after the driver's default 30 s. */
    private static final long SERVER_SELECTION_SECONDS = 10;

    private CliMongoClient() {}

    public static MongoClient open(String mongoUri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(SERVER_SELECTION_SECONDS, TimeUnit.SECONDS))
                .build());
    }
}
