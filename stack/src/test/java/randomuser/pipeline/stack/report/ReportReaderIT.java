package randomuser.pipeline.stack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.report.IngestReport.Count;
import randomuser.pipeline.stack.report.IngestReport.Freshness;
import randomuser.pipeline.stack.report.IngestReport.RunUsers;
import randomuser.pipeline.testsupport.TestServer;

/**
 * The report's aggregations, run by {@link ReportReader} on the stack's MongoDB-compatible server over a few
 * documents of known content (a database of the test's own): every figure exact.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReportReaderIT {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant COMPUTED = Instant.parse("2026-11-02T00:00:00Z");
    private static final List<Count> NO_DOCUMENTS_ELSEWHERE = List.of(
            new Count("contacts", 0), new Count("accounts", 0), new Count("identities", 0), new Count("pictures", 0));

    private final StackLayout layout = StackLayout.forProject();
    private final String mongoUri = TestServer.MONGODB.address();
    private MongoClient client;
    private String databaseName;

    @BeforeEach
    void connect() {
        client = MongoClients.create(mongoUri);
        databaseName = "report_it_" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void dropDatabase() {
        client.getDatabase(databaseName).drop();
        client.close();
    }

    private ReportReader reader() {
        return new ReportReader(
                mongoUri,
                databaseName,
                ReportAggregations.load(layout.reportAggregations()),
                Clock.fixed(COMPUTED, ZoneOffset.UTC));
    }

    /** Three users of two runs (profiles and locations), and three dead letters. */
    private void storeUsers() {
        MongoDatabase database = client.getDatabase(databaseName);
        Object[][] users = {
            // id, gender, nat, birth date, age, run, fetched_at, ms to kafka_ts, ms to written_at
            {"u1", "female", "GB", "1990-03-15T08:00:00Z", 36, "manual__r1", T0, 100, 1000},
            {"u2", "male", "FR", "1985-03-01T08:00:00Z", 41, "manual__r1", T0, 200, 2000},
            {"u3", "female", "GB", "2001-12-24T08:00:00Z", 24, "manual__r2", T1, 50, 500},
        };
        for (Object[] u : users) {
            Instant fetchedAt = (Instant) u[6];
            Document ingest = new Document("run_id", u[5])
                    .append("kafka_ts", Date.from(fetchedAt.plusMillis((Integer) u[7])))
                    .append("written_at", Date.from(fetchedAt.plusMillis((Integer) u[8])));
            database.getCollection("profiles")
                    .insertOne(new Document("_id", u[0])
                            .append("gender", u[1])
                            .append("nat", u[2])
                            .append(
                                    "dob",
                                    new Document("date", Date.from(Instant.parse((String) u[3]))).append("age", u[4]))
                            .append("fetched_at", Date.from(fetchedAt))
                            .append("run_id", u[5])
                            .append("_ingest", ingest));
            database.getCollection("locations")
                    .insertOne(new Document("_id", u[0])
                            .append("location", new Document("city", "London"))
                            .append("fetched_at", Date.from(fetchedAt))
                            .append("run_id", u[5])
                            .append("_ingest", ingest));
        }
        for (String reason : List.of("not JSON", "field dob.date: missing", "not JSON")) {
            database.getCollection("dead_letters")
                    .insertOne(new Document("reason", reason).append("failed_at", Date.from(T1)));
        }
    }

    @Test
    void everyRunExactlyWithTheFreshnessOfTheLatestWrittenRun() {
        storeUsers();
        IngestReport report;
        try (ReportReader reader = reader()) {
            report = reader.read(Optional.empty());
        }
        assertEquals(
                List.of(
                        new RunUsers("manual__r1", 2, Optional.of(T0), Optional.of(T0.plusMillis(2000))),
                        new RunUsers("manual__r2", 1, Optional.of(T1), Optional.of(T1.plusMillis(500)))),
                report.usersPerRun());
        assertEquals(List.of(new Count("female", 2), new Count("male", 1)), report.gender());
        assertEquals(List.of(new Count("GB", 2), new Count("FR", 1)), report.nationality());
        assertEquals(List.of(new Count("20–29", 1), new Count("30–39", 1), new Count("40–49", 1)), report.age());
        assertEquals(List.of(new Count("Mar", 2), new Count("Dec", 1)), report.birthMonth());
        assertEquals(concat(List.of(new Count("profiles", 3), new Count("locations", 3))), report.documents());
        assertEquals(
                List.of(new Count("not JSON", 2), new Count("field dob.date: missing", 1)),
                report.deadLettersByReason());
        assertEquals(Optional.of("manual__r2"), report.freshnessRunId());
        Freshness latest =
                new Freshness(new LatencySummary(1, 500, 500, 500, 500), new LatencySummary(1, 450, 450, 450, 450));
        assertEquals(latest, report.freshness().get("profiles"));
        assertEquals(latest, report.freshness().get("locations"));
        assertEquals(
                new Freshness(LatencySummary.EMPTY, LatencySummary.EMPTY),
                report.freshness().get("pictures"));
        assertEquals(3, report.users());
        assertEquals(COMPUTED, report.generatedAt());
    }

    @Test
    void oneRunOnlyItsUsersWhileUsersPerRunStillShowsEveryRun() {
        storeUsers();
        IngestReport report;
        try (ReportReader reader = reader()) {
            report = reader.read(Optional.of("manual__r1"));
        }
        assertEquals(2, report.usersPerRun().size());
        assertEquals(List.of(new Count("female", 1), new Count("male", 1)), report.gender());
        assertEquals(List.of(new Count("FR", 1), new Count("GB", 1)), report.nationality());
        assertEquals(List.of(new Count("Mar", 2)), report.birthMonth());
        assertEquals(concat(List.of(new Count("profiles", 2), new Count("locations", 2))), report.documents());
        // Dead letters carry no run: all of them.
        assertEquals(
                3, report.deadLettersByReason().stream().mapToLong(Count::count).sum());
        assertEquals(
                Map.entry(
                        "profiles",
                        new Freshness(
                                new LatencySummary(2, 1000, 2000, 2000, 2000),
                                new LatencySummary(2, 900, 1800, 1800, 1800))),
                Map.entry("profiles", report.freshness().get("profiles")));
    }

    @Test
    void anUnknownRunAndAnEmptyDatabaseAreOneClearLine() {
        try (ReportReader reader = reader()) {
            StackException empty = assertThrows(StackException.class, () -> reader.read(Optional.empty()));
            assertEquals(
                    "MongoDB at " + mongoUri + " (database " + databaseName + ") holds no users yet: ingest "
                            + "a run first (./pipeline trigger), then run the report again",
                    empty.getMessage());
            storeUsers();
            StackException unknown = assertThrows(StackException.class, () -> reader.read(Optional.of("manual__nope")));
            assertEquals(
                    "run manual__nope wrote no users that are still its own in " + databaseName + ".profiles (the "
                            + "latest run is manual__r2); ./pipeline report without --run shows every run",
                    unknown.getMessage());
        }
    }

    private static List<Count> concat(List<Count> first) {
        return Stream.concat(first.stream(), NO_DOCUMENTS_ELSEWHERE.stream()).toList();
    }
}
