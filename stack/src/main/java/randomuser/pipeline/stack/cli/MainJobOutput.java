package randomuser.pipeline.stack.cli;

import java.util.Map;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.component.Airflow;
import randomuser.pipeline.stack.mainjob.MainJobReport;

/** What {@code up} and {@code trigger} print after a run: the run, its documents, a sample user, where to look further. */
final class MainJobOutput {
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build();

    private MainJobOutput() {
    }

    static String render(MainJobReport report, LocalStack stack) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(report.runId()).append(" of ").append(report.dagId()).append('\n');
        out.append("  asked for  ").append(report.request().describe()).append('\n');
        out.append("  fetched    ").append(report.usersFetched()).append(" users")
                .append(report.fetcherSummary() == null ? "" : " (fetcher: " + report.fetcherSummary() + ")").append('\n');
        out.append("  took       ").append(report.runTime().toSeconds()).append("s from trigger to success, then ")
                .append(report.documentsTime().toSeconds()).append("s until every collection held every user\n");
        out.append('\n').append("Documents of this run (_ingest.run_id):\n");
        TextTable table = new TextTable("  COLLECTION", "DOCUMENTS");
        for (Map.Entry<String, Long> entry : report.documentsOfRun().entrySet()) {
            table.row("  " + entry.getKey(), Long.toString(entry.getValue()));
        }
        table.row("  " + Facet.DEAD_LETTERS_COLLECTION, report.deadLetters() + " (all runs)");
        out.append(table.render());
        report.sampleUser().ifPresent(user -> out.append('\n')
                .append("One user of this run, assembled from the six collections by _id:\n")
                .append(user.toJson(JSON)).append('\n'));
        String mongosh = stack.projectRoot().relativize(stack.layout().mongoShell()).toString();
        String queries = stack.projectRoot().relativize(stack.layout().mongoQueriesScript()).toString();
        out.append('\n').append("Look further:\n");
        TextTable further = new TextTable("", "", "");
        further.row("  Airflow UI", stack.airflowUrl(), "login " + Airflow.USERNAME + " / " + Airflow.PASSWORD + " (local only)");
        further.row("  this run", report.runUiUrl(), "");
        further.row("  Spark master UI", stack.sparkMasterUiUrl(), "the six jobs and their executors");
        further.row("  MongoDB shell", mongosh + " " + stack.mongoUri() + "/" + Facet.DATABASE, "");
        further.row("  example queries", "RUN_ID='" + report.runId() + "' " + mongosh + " --quiet " + stack.mongoUri()
                + " " + queries, "");
        further.row("  health", "./pipeline status", "jobs' batches, lag, documents, memory");
        further.row("  another run", "./pipeline trigger --results 1000 --pages 3 --seed my-seed --nat GB,FR", "");
        further.row("  stop", "./pipeline down", "keeps the data; ./pipeline clean deletes it");
        // The table's header row is empty: drop it.
        String rendered = further.render();
        out.append(rendered.substring(rendered.indexOf('\n') + 1));
        return out.toString();
    }
}
