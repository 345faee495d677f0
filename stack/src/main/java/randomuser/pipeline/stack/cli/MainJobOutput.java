package randomuser.pipeline.stack.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.Airflow;
import randomuser.pipeline.stack.mainjob.MainJobReport;

/** What {@code up} and {@code trigger} print after a run: the run, its documents, a sample user, where to look further. */
final class MainJobOutput {
    /** Dates as ISO-8601 text (relaxed JSON would write dates before 1970 as {"$numberLong": ...}). */
    static final JsonWriterSettings PRETTY = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .indent(true)
            .dateTimeConverter((millis, writer) ->
                    writer.writeString(Instant.ofEpochMilli(millis).toString()))
            .build();

    static final JsonWriterSettings ONE_LINE = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .dateTimeConverter((millis, writer) ->
                    writer.writeString(Instant.ofEpochMilli(millis).toString()))
            .build();
    private static final Pattern SUMMARY = Pattern.compile(
            "pages=(\\d+)/(\\d+) users=(\\d+) .*records_acked=(\\d+) records_failed=(\\d+) .*seconds=([0-9.]+)");

    private MainJobOutput() {}

    static String render(MainJobReport report, LocalStack stack) {
        StringBuilder out = new StringBuilder();
        out.append("Run ")
                .append(report.runId())
                .append(" of ")
                .append(report.dagId())
                .append('\n');
        out.append("  asked for  ").append(report.request().describe()).append('\n');
        out.append("  fetched    ").append(fetched(report)).append('\n');
        out.append("  took       ")
                .append(report.runTime().toSeconds())
                .append("s from trigger to success, then ")
                .append(report.documentsTime().toSeconds())
                .append("s until every collection held every user\n");
        out.append('\n').append("Documents of this run (_ingest.run_id):\n");
        TextTable table = new TextTable("  COLLECTION", "DOCUMENTS");
        for (Map.Entry<String, Long> entry : report.documentsOfRun().entrySet()) {
            table.row("  " + entry.getKey(), Long.toString(entry.getValue()));
        }
        table.row("  " + Facet.DEAD_LETTERS_COLLECTION, report.deadLetters() + " (all runs)");
        out.append(table.render());
        report.sampleUser()
                .ifPresent(sample -> out.append('\n')
                        .append("One user of this run, its fields from the six collections joined by _id:\n")
                        .append(sample.user().toJson(PRETTY))
                        .append('\n')
                        .append("lineage of its profiles document: ")
                        .append(sample.lineage().toJson(ONE_LINE))
                        .append('\n'));
        out.append('\n').append("Look further:\n").append(lookFurther(report, stack));
        return out.toString();
    }

    /** "1000 users, 6000 records acknowledged by Kafka (0 failed), 2/2 pages in 14.8 s" from the fetcher's summary line. */
    static String fetched(MainJobReport report) {
        String summary = report.fetcherSummary();
        Matcher matcher = summary == null ? null : SUMMARY.matcher(summary);
        if (matcher == null || !matcher.find()) {
            return report.usersFetched() + " users" + (summary == null ? "" : " (fetcher: " + summary + ")");
        }
        return String.format(
                Locale.ROOT,
                "%s users, %s records acknowledged by Kafka (%s failed), %s/%s pages in %s s",
                matcher.group(3),
                matcher.group(4),
                matcher.group(5),
                matcher.group(1),
                matcher.group(2),
                matcher.group(6));
    }

    /** Copyable commands and URLs, each with what it shows as a shell comment. */
    private static String lookFurther(MainJobReport report, LocalStack stack) {
        String mongosh =
                stack.projectRoot().relativize(stack.layout().mongoShell()).toString();
        String queries = stack.projectRoot()
                .relativize(stack.layout().mongoQueriesScript())
                .toString();
        TextTable table = new TextTable("", "");
        table.row(
                "  Airflow UI",
                stack.airflowUrl() + "   # login " + Airflow.USERNAME + " / " + Airflow.PASSWORD + " (local only)");
        table.row("  this run", report.runUiUrl());
        table.row("  Spark master UI", stack.sparkMasterUiUrl() + "   # the six jobs and their executors");
        table.row("  MongoDB shell", mongosh + " " + stack.mongoUri() + "/" + Facet.DATABASE);
        table.row(
                "  example queries",
                "RUN_ID='" + report.runId() + "' " + mongosh + " --quiet " + stack.mongoUri() + " " + queries);
        table.row("  health", "./pipeline status   # components, jobs' batches and backlog, documents, memory");
        table.row("  another run", "./pipeline trigger --results 1000 --pages 3 --seed my-seed --nat GB,FR");
        table.row("  stop", "./pipeline down   # keeps the data; ./pipeline clean deletes it");
        String rendered = table.render();
        return rendered.substring(rendered.indexOf('\n') + 1); // without the empty header line
    }
}
