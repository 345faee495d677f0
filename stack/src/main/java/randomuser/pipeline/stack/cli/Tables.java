package randomuser.pipeline.stack.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.StackStatus;
import randomuser.pipeline.stack.component.Component;
import randomuser.pipeline.stack.probe.StreamingJobStatus;

/** The tables of the CLI: where to reach the components ({@code up}) and how they are ({@code status}). */
final class Tables {
    private Tables() {}

    static String endpoints(List<Component> components) {
        TextTable table = new TextTable("COMPONENT", "ADDRESS", "HOW TO USE");
        components.forEach(c -> table.row(c.name(), c.address(), c.howToUse()));
        return table.render();
    }

    static String status(List<ComponentStatus> rows) {
        TextTable table = new TextTable("COMPONENT", "STATE", "PID", "RSS", "EVIDENCE");
        for (ComponentStatus row : rows) {
            table.row(
                    row.name(),
                    row.up() ? "up" : "down",
                    row.pid().isPresent() ? Long.toString(row.pid().getAsLong()) : "-",
                    row.pid().isPresent() ? mebibytes(row.rssKiB()) : "-",
                    row.evidence());
        }
        table.row(
                "total",
                "",
                "",
                mebibytes(ComponentStatus.totalRssKiB(rows)),
                "resident memory of the processes above and their children");
        return table.render();
    }

    /** One row per streaming job, from the status file its driver keeps. */
    static String jobs(List<StackStatus.Job> jobs) {
        TextTable table = new TextTable(
                "JOB",
                "STATE",
                "BATCH",
                "LAST DATA (UTC)",
                "ROWS",
                "ROWS/S",
                "LAG",
                "BACKLOG",
                "UPSERTED",
                "DEAD-LETTERED",
                "DRIVER",
                "EXECUTOR");
        for (StackStatus.Job job : jobs) {
            Optional<StreamingJobStatus> file = job.status();
            String backlog = orDash(job.backlog());
            if (!job.driverRunning()) {
                table.row(
                        job.name(),
                        "down" + file.map(s -> " (last: " + s.state() + ")").orElse(""),
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        backlog,
                        "-",
                        "-",
                        "-",
                        "-");
                continue;
            }
            if (file.isEmpty()) {
                table.row(
                        job.name(),
                        "starting",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        backlog,
                        "-",
                        "-",
                        mebibytes(job.driverKiB()),
                        mebibytes(job.executorKiB()));
                continue;
            }
            StreamingJobStatus s = file.get();
            table.row(
                    job.name(),
                    s.state(),
                    orDash(s.batchId()),
                    s.lastBatchAt() == null ? "-" : seconds(s.lastBatchAt()),
                    orDash(s.lastBatchRowsIn()),
                    s.processedRowsPerSecond().isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "%.1f",
                                    s.processedRowsPerSecond().getAsDouble())
                            : "-",
                    orDash(s.lag()),
                    backlog,
                    Long.toString(s.totalUpserted()),
                    Long.toString(s.totalDeadLettered()),
                    mebibytes(job.driverKiB()),
                    mebibytes(job.executorKiB()));
        }
        return table.render()
                + "ROWS: records in the last batch that had any; ROWS/S: of the last progress report; LAG: offsets behind "
                + "the topic's end at that report; BACKLOG: records after the last committed batch, now (the running "
                + "batch included); UPSERTED, DEAD-LETTERED: since the driver started.\n";
    }

    /** Documents per collection, or why they could not be counted. */
    static String documents(Map<String, Long> documents, String error) {
        if (error != null) {
            return "documents: not counted (" + error + ")\n";
        }
        TextTable table = new TextTable("COLLECTION", "DOCUMENTS");
        documents.forEach((collection, count) -> table.row(collection, Long.toString(count)));
        return table.render();
    }

    private static String orDash(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
    }

    /** "2026-11-21T21:50:01.123456Z" to "2026-11-21 21:50:01". */
    static String seconds(String isoInstant) {
        try {
            return Instant.parse(isoInstant)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString()
                    .replace('T', ' ')
                    .replace("Z", "");
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    static String mebibytes(long kib) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(kib / 1024.0));
    }
}
