package randomuser.pipeline.stack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.report.IngestReport;
import randomuser.pipeline.stack.report.ReportAggregations;
import randomuser.pipeline.stack.report.ReportPage;
import randomuser.pipeline.stack.report.ReportReader;

@Command(
        name = "report",
        description =
                "One self-contained HTML page of what MongoDB holds, computed with the "
                        + "aggregations of mongo/report-aggregations.json: users per run over time, gender, nationality, age, birth "
                        + "month, documents per collection, dead letters by reason, and the freshness of the run. Opens offline.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--run",
            paramLabel = "RUN_ID",
            description = "Only the users this Airflow run wrote (_ingest.run_id); default: every run, with the "
                    + "freshness of the latest.")
    String runId;

    @Option(
            names = "--out",
            paramLabel = "FILE.html",
            description = "Where to write the page (default var/reports/ingest-report.html).")
    Path out;

    @Override
    public Integer call() {
        LocalStack stack = LocalStack.forProject();
        Path page = out != null ? out : stack.layout().defaultReportPage();
        ReportAggregations aggregations = ReportAggregations.load(stack.layout().reportAggregations());
        IngestReport report;
        try (ReportReader reader =
                new ReportReader(stack.mongoUri(), Facet.DATABASE, aggregations, Clock.systemUTC())) {
            report = reader.read(Optional.ofNullable(runId));
        }
        write(page, ReportPage.render(report, aggregations));
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s%nwritten to %s%n",
                        ReportPage.scope(report),
                        page.toAbsolutePath().toUri());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void write(Path page, String html) {
        try {
            Path parent = page.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(page, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot write the report to " + page + ": " + e.getMessage());
        }
    }
}
