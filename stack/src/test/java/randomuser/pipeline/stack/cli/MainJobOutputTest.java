package randomuser.pipeline.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.mainjob.BackfillRequest;
import randomuser.pipeline.stack.mainjob.MainJobReport;
import randomuser.pipeline.stack.mainjob.RunDocuments;

class MainJobOutputTest {
    private static final String RUN = "manual__2026-11-21T22:41:29.191658+00:00";

    private static MainJobReport report(String summary, Optional<RunDocuments.SampleUser> sample) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("profiles", 1000L);
        counts.put("pictures", 1000L);
        return new MainJobReport(
                "randomuser_backfill",
                RUN,
                "http://127.0.0.1:8080/dags/randomuser_backfill/runs/x",
                BackfillRequest.DEFAULT,
                summary,
                1000,
                counts,
                0,
                sample,
                Duration.ofSeconds(34),
                Duration.ofSeconds(116));
    }

    @Test
    void rendersTheRunItsDocumentsASampleUserAndWhereToLookFurther() {
        Document user = new Document("_id", "u-1")
                .append("name", new Document("first", "Alverta"))
                .append("dob", new Document("date", Date.from(Instant.parse("1956-05-21T10:12:56.224Z"))));
        Document lineage = new Document("_ingest", new Document("topic", "randomuser.profiles").append("offset", 7L));
        String out = MainJobOutput.render(
                report(
                        "summary: run_id=" + RUN + " pages=2/2 users=1000 skipped_no_uuid=0 "
                                + "skipped_invalid=0 records_acked=6000 records_failed=0 [randomuser.profiles=1000] seconds=14.81 "
                                + "users_per_s=67.5 mb_per_s=0.17",
                        Optional.of(new RunDocuments.SampleUser(user, lineage))),
                LocalStack.at(Path.of("/p")));
        assertEquals(
                String.join(
                        "\n",
                        "Run " + RUN + " of randomuser_backfill",
                        "  asked for  2 pages x 500 users, seed randomuser-pipeline",
                        "  fetched    1000 users, 6000 records acknowledged by Kafka (0 failed), 2/2 pages in 14.81 s",
                        "  took       34s from trigger to success, then 116s until every collection held every user",
                        "",
                        "Documents of this run (_ingest.run_id):",
                        "  COLLECTION    DOCUMENTS",
                        "  profiles      1000",
                        "  pictures      1000",
                        "  dead_letters  0 (all runs)",
                        "",
                        "One user of this run, its fields from the six collections joined by _id:",
                        "{",
                        "  \"_id\": \"u-1\",",
                        "  \"name\": {",
                        "    \"first\": \"Alverta\"",
                        "  },",
                        "  \"dob\": {",
                        "    \"date\": \"1956-05-21T10:12:56.224Z\"",
                        "  }",
                        "}",
                        "lineage of its profiles document: {\"_ingest\": {\"topic\": \"randomuser.profiles\", \"offset\": 7}}",
                        "",
                        "Look further:",
                        "  Airflow UI       http://127.0.0.1:8080   # login admin / admin (local only)",
                        "  this run         http://127.0.0.1:8080/dags/randomuser_backfill/runs/x",
                        "  Spark master UI  http://127.0.0.1:8081   # the six jobs and their executors",
                        "  MongoDB shell    tools/mongosh/node_modules/.bin/mongosh mongodb://127.0.0.1:27017/randomuser",
                        "  example queries  RUN_ID='" + RUN
                                + "' tools/mongosh/node_modules/.bin/mongosh --quiet mongodb://127.0.0.1:27017 mongo/queries.js",
                        "  health           ./pipeline status   # components, jobs' batches and backlog, documents, memory",
                        "  another run      ./pipeline trigger --results 1000 --pages 3 --seed my-seed --nat GB,FR",
                        "  stop             ./pipeline down   # keeps the data; ./pipeline clean deletes it",
                        ""),
                out);
    }

    @Test
    void withoutASummaryTheUsersAskedForAreShown() {
        assertEquals("1000 users", MainJobOutput.fetched(report(null, Optional.empty())));
        assertEquals("1000 users (fetcher: odd line)", MainJobOutput.fetched(report("odd line", Optional.empty())));
    }
}
