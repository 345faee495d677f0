package randomuser.pipeline.stack.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import randomuser.pipeline.stack.report.IngestReport.Count;
import randomuser.pipeline.stack.report.IngestReport.Freshness;
import randomuser.pipeline.stack.report.IngestReport.RunUsers;

/**
 * The report as one self-contained HTML page: every figure as a table (the exact numbers, readable without
 * JavaScript), and a chart of each drawn from its table by Chart.js, inlined from its WebJar so the page opens
 * offline.
 */
public final class ReportPage {
    public static final String TITLE = "randomuser-pipeline ingest report";
    private static final String RESOURCES = "/randomuser/pipeline/stack/report/";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int REASON_CHART_LABEL_CHARS = 40;
    /** The table of both latencies (the aggregations fetch_to_visible and kafka_to_visible). */
    static final String FRESHNESS_FIGURE = "freshness";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private ReportPage() {}

    /** @param aggregations where each figure's title comes from, as mongo/queries.js prints it */
    public static String render(IngestReport report, ReportAggregations aggregations) {
        Map<String, String> parts = Map.of(
                "title", html(TITLE),
                "scope", html(scope(report)),
                "sections", sections(report, aggregations),
                "chartjs", chartJs(),
                "charts", resource("report-charts.js"));
        // One pass over the template, so that a placeholder-like text in the data (a run id, a dead letter's
        // reason) or in Chart.js is never substituted itself.
        return PLACEHOLDER
                .matcher(resource("report-page.html"))
                .replaceAll(match -> Matcher.quoteReplacement(
                        Objects.requireNonNull(parts.get(match.group(1)), () -> "no part for " + match.group())));
    }

    /** The page's first line: the database, the run (or all runs) and its users, and when it was computed. */
    public static String scope(IngestReport report) {
        String users = String.format(Locale.ROOT, "%,d users", report.users());
        String of = report.runId()
                .map(run -> "run " + run + ": " + users)
                .orElseGet(() ->
                        "all runs: " + users + " in " + report.usersPerRun().size() + " runs");
        return "Database " + report.database() + " · " + of + " · computed " + TIME.format(report.generatedAt());
    }

    private static String sections(IngestReport report, ReportAggregations aggregations) {
        StringBuilder page = new StringBuilder();
        page.append(usersPerRun(
                report, aggregations.get(ReportAggregations.USERS_PER_RUN).title()));
        String scope = report.runId().map(run -> "Run " + run).orElse("All runs");
        page.append(countSection(
                aggregations.get(ReportAggregations.GENDER),
                scope,
                "doughnut",
                "gender",
                "users",
                report.gender(),
                true));
        page.append(countSection(
                aggregations.get(ReportAggregations.NATIONALITY),
                scope,
                "bar",
                "nat",
                "users",
                report.nationality(),
                true));
        page.append(countSection(
                aggregations.get(ReportAggregations.AGE), scope, "bar", "age", "users", report.age(), false));
        page.append(countSection(
                aggregations.get(ReportAggregations.BIRTH_MONTH),
                scope,
                "bar",
                "month",
                "users",
                report.birthMonth(),
                false));
        page.append(countSection(
                aggregations.get(ReportAggregations.DOCUMENTS),
                scope,
                "bar",
                "collection",
                "documents",
                report.documents(),
                false));
        page.append(deadLetters(
                aggregations.get(ReportAggregations.DEAD_LETTERS_BY_REASON).title(), report.deadLettersByReason()));
        page.append(freshness(report.freshnessRunId(), report.freshness()));
        return page.toString();
    }

    private static String usersPerRun(IngestReport report, String title) {
        StringBuilder rows = new StringBuilder();
        for (RunUsers run : report.usersPerRun()) {
            boolean chosen = report.runId().filter(run.runId()::equals).isPresent();
            rows.append("<tr")
                    .append(chosen ? " class=\"chosen\"" : "")
                    .append(" data-label=\"")
                    .append(html(run.runId()))
                    .append("\"><th scope=\"row\" data-chart-label=\"")
                    .append(html(run.firstFetchedAt().map(SHORT_TIME::format).orElse(run.runId())))
                    .append("\">")
                    .append(html(run.runId()))
                    .append("</th><td>")
                    .append(time(run.firstFetchedAt()))
                    .append("</td><td>")
                    .append(time(run.lastWrittenAt()))
                    .append("</td>")
                    .append(countCell(run.users()))
                    .append("</tr>\n");
        }
        return "<section class=\"wide\" id=\"" + ReportAggregations.USERS_PER_RUN + "\">\n<h2>" + html(title)
                + "</h2>\n"
                + "<p class=\"scope\">Each user counts once, under the run that wrote it last (a run that fetched a user "
                + "again takes it over). Runs in the order of their first fetch.</p>\n"
                + "<details><summary>the " + report.usersPerRun().size() + " runs</summary>\n"
                + "<table data-figure=\"" + ReportAggregations.USERS_PER_RUN
                + "\" data-chart=\"bar\" data-unit=\"users\">"
                + "<caption>" + html(title)
                + "</caption>\n<thead><tr><th>run</th><th>first fetched</th><th>last written</th>"
                + "<th data-series=\"users\">users</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table></details>\n"
                + "</section>\n";
    }

    private static String countSection(
            ReportAggregations.Aggregation aggregation,
            String scope,
            String chart,
            String labelHeader,
            String countHeader,
            List<Count> counts,
            boolean withShare) {
        String figure = aggregation.name();
        String title = aggregation.title();
        long total = counts.stream().mapToLong(Count::count).sum();
        StringBuilder rows = new StringBuilder();
        for (Count count : counts) {
            rows.append("<tr data-label=\"")
                    .append(html(count.label()))
                    .append("\"><th scope=\"row\">")
                    .append(html(count.label()))
                    .append("</th>")
                    .append(countCell(count.count()));
            if (withShare) {
                rows.append("<td>")
                        .append(String.format(Locale.ROOT, "%.1f %%", total == 0 ? 0.0 : 100.0 * count.count() / total))
                        .append("</td>");
            }
            rows.append("</tr>\n");
        }
        return "<section id=\"" + figure + "\">\n<h2>" + html(title) + "</h2>\n<p class=\"scope\">" + html(scope)
                + String.format(Locale.ROOT, ": %,d in all", total) + "</p>\n"
                + "<table data-figure=\"" + figure + "\" data-chart=\"" + chart + "\" data-unit=\"" + countHeader
                + "\">"
                + "<caption>" + html(title) + "</caption>\n<thead><tr><th>" + labelHeader + "</th><th data-series=\""
                + countHeader + "\">" + countHeader + "</th>" + (withShare ? "<th>share</th>" : "") + "</tr></thead>\n"
                + "<tbody>\n" + rows + "</tbody></table>\n</section>\n";
    }

    private static String deadLetters(String title, List<Count> reasons) {
        String id = ReportAggregations.DEAD_LETTERS_BY_REASON;
        String head = "<section id=\"" + id + "\">\n<h2>" + html(title) + "</h2>\n"
                + "<p class=\"scope\">All runs: a record that cannot be read carries no run. The 20 most frequent.</p>\n";
        if (reasons.isEmpty()) {
            return head + "<p data-figure=\"" + id + "\">No dead letters.</p>\n</section>\n";
        }
        StringBuilder rows = new StringBuilder();
        for (Count reason : reasons) {
            String shortLabel = reason.label().length() > REASON_CHART_LABEL_CHARS
                    ? reason.label().substring(0, REASON_CHART_LABEL_CHARS - 1) + "…"
                    : reason.label();
            rows.append("<tr data-label=\"")
                    .append(html(reason.label()))
                    .append("\"><th scope=\"row\" data-chart-label=\"")
                    .append(html(shortLabel))
                    .append("\">")
                    .append(html(reason.label()))
                    .append("</th>")
                    .append(countCell(reason.count()))
                    .append("</tr>\n");
        }
        return head + "<table data-figure=\"" + id + "\" data-chart=\"bar\" data-unit=\"dead letters\">"
                + "<caption>" + html(title) + "</caption>\n<thead><tr><th>reason</th>"
                + "<th data-series=\"dead letters\">dead letters</th></tr></thead>\n<tbody>\n" + rows
                + "</tbody></table>\n</section>\n";
    }

    private static String freshness(Optional<String> runId, Map<String, Freshness> byCollection) {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Freshness> entry : byCollection.entrySet()) {
            Freshness f = entry.getValue();
            rows.append("<tr data-label=\"")
                    .append(html(entry.getKey()))
                    .append("\"><th scope=\"row\">")
                    .append(html(entry.getKey()))
                    .append("</th>")
                    .append(countCell(f.kafkaToVisible().count()))
                    .append(seconds(f.fetchToVisible().p50()))
                    .append(seconds(f.fetchToVisible().p95()))
                    .append(seconds(f.fetchToVisible().p99()))
                    .append(seconds(f.fetchToVisible().max()))
                    .append(seconds(f.kafkaToVisible().p50()))
                    .append(seconds(f.kafkaToVisible().p95()))
                    .append(seconds(f.kafkaToVisible().p99()))
                    .append(seconds(f.kafkaToVisible().max()))
                    .append("</tr>\n");
        }
        String id = FRESHNESS_FIGURE;
        return "<section class=\"wide\" id=\"" + id + "\">\n<h2>Freshness of run " + html(runId.orElse("-")) + "</h2>\n"
                + "<p class=\"scope\">Seconds from the fetch (fetched_at) and from the Kafka record's timestamp "
                + "(_ingest.kafka_ts) until the document was written (_ingest.written_at), per collection; "
                + "percentiles by nearest rank, to 10 ms.</p>\n"
                + "<table data-figure=\"" + id
                + "\" data-chart=\"bar\" data-unit=\"seconds\"><caption>Freshness</caption>\n"
                + "<thead><tr><th>collection</th><th>documents</th>"
                + "<th data-series=\"fetch→visible p50\">fetch→visible p50</th><th>p95</th>"
                + "<th data-series=\"fetch→visible p99\">p99</th><th>max</th>"
                + "<th data-series=\"Kafka→visible p50\">Kafka→visible p50</th><th>p95</th>"
                + "<th data-series=\"Kafka→visible p99\">p99</th><th>max</th></tr></thead>\n"
                + "<tbody>\n" + rows + "</tbody></table>\n</section>\n";
    }

    private static String countCell(long count) {
        return "<td data-value=\"" + count + "\">" + String.format(Locale.ROOT, "%,d", count) + "</td>";
    }

    private static String seconds(long millis) {
        String value = String.format(Locale.ROOT, "%.3f", millis / 1000.0);
        return "<td data-value=\"" + value + "\">" + String.format(Locale.ROOT, "%.1f", millis / 1000.0) + "</td>";
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(TIME::format).orElse("-");
    }

    /** Chart.js from its WebJar on the classpath, at the version the parent pom pins. */
    private static String chartJs() {
        Properties versions = new Properties();
        try (InputStream in = ReportPage.class.getResourceAsStream(RESOURCES + "versions.filtered.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classpathText("/META-INF/resources/webjars/chart.js/" + versions.getProperty("chartjs.version")
                + "/dist/chart.umd.min.js");
    }

    private static String resource(String name) {
        return classpathText(RESOURCES + name);
    }

    private static String classpathText(String path) {
        try (InputStream in = ReportPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath: rebuild the stack module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text for HTML content and quoted attribute values. */
    static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
