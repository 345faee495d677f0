package randomuser.pipeline.stack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.stack.LocalStack;
import randomuser.pipeline.stack.report.IngestReport.Count;
import randomuser.pipeline.stack.report.IngestReport.Freshness;
import randomuser.pipeline.stack.report.IngestReport.RunUsers;

class ReportPageTest {
    private static final ReportAggregations AGGREGATIONS =
            ReportAggregations.load(LocalStack.forProject().layout().reportAggregations());
    private static final Instant COMPUTED = Instant.parse("2026-12-04T10:00:00Z");

    private static IngestReport report(Optional<String> runId, List<Count> deadLetters) {
        Map<String, Freshness> freshness = new LinkedHashMap<>();
        freshness.put(
                "profiles",
                new Freshness(
                        new LatencySummary(3000, 1500, 4200, 4900, 5100),
                        new LatencySummary(3000, 800, 2100, 3050, 3999)));
        return new IngestReport(
                "randomuser",
                COMPUTED,
                runId,
                List.of(
                        new RunUsers(
                                "manual__a",
                                1000,
                                Optional.of(Instant.parse("2026-12-04T09:00:00Z")),
                                Optional.of(Instant.parse("2026-12-04T09:00:30Z"))),
                        new RunUsers(
                                "manual__b",
                                3000,
                                Optional.of(Instant.parse("2026-12-04T09:30:00Z")),
                                Optional.empty())),
                List.of(new Count("female", 1503), new Count("male", 1497)),
                List.of(new Count("GB", 1550), new Count("FR", 1450)),
                List.of(new Count("20–29", 1000), new Count("30–39", 2000)),
                List.of(new Count("Jan", 250)),
                List.of(new Count("profiles", 3000), new Count("locations", 2999)),
                deadLetters,
                Optional.of("manual__b"),
                freshness);
    }

    @Test
    void eachFigureIsATableOfExactNumbersThatItsChartIsDrawnFrom() {
        String page = ReportPage.render(report(Optional.of("manual__b"), List.of()), AGGREGATIONS);
        assertTrue(
                page.contains("<p id=\"report-scope\">Database randomuser · run manual__b: 3,000 users · computed "
                        + "2026-12-04 10:00:00 UTC</p>"),
                page);
        assertTrue(page.contains("<table data-figure=\"gender\" data-chart=\"doughnut\" data-unit=\"users\">"), page);
        assertTrue(
                page.contains(
                        "<tr data-label=\"female\"><th scope=\"row\">female</th><td data-value=\"1503\">1,503</td>"
                                + "<td>50.1 %</td></tr>"),
                page);
        assertTrue(
                page.contains(
                        "<tr data-label=\"30–39\"><th scope=\"row\">30–39</th><td data-value=\"2000\">2,000</td></tr>"),
                page);
        assertTrue(
                page.contains(
                        "<tr class=\"chosen\" data-label=\"manual__b\"><th scope=\"row\" data-chart-label=\"12-04 09:30\">"
                                + "manual__b</th><td>2026-12-04 09:30:00 UTC</td><td>-</td><td data-value=\"3000\">3,000</td></tr>"),
                page);
        assertTrue(
                page.contains(
                        "<tr data-label=\"profiles\"><th scope=\"row\">profiles</th><td data-value=\"3000\">3,000</td>"
                                + "<td data-value=\"1.500\">1.5</td><td data-value=\"4.200\">4.2</td><td data-value=\"4.900\">4.9</td>"
                                + "<td data-value=\"5.100\">5.1</td><td data-value=\"0.800\">0.8</td><td data-value=\"2.100\">2.1</td>"
                                + "<td data-value=\"3.050\">3.1</td><td data-value=\"3.999\">4.0</td></tr>"),
                page);
        assertTrue(page.contains("<h2>Freshness of run manual__b</h2>"), page);
        assertTrue(page.contains("<p data-figure=\"dead_letters_by_reason\">No dead letters.</p>"), page);
    }

    @Test
    void theChartLibraryIsInlinedSoThePageNeedsNoNetwork() {
        String page = ReportPage.render(report(Optional.empty(), List.of()), AGGREGATIONS);
        assertTrue(page.contains("Chart.js v4.5.1"), "Chart.js is not inlined");
        assertTrue(page.contains("document.querySelectorAll('table[data-chart]')"), "the chart script is not inlined");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), "the page loads something");
        assertFalse(page.contains("{{"), "a placeholder was left");
        assertTrue(page.contains("all runs: 3,000 users in 2 runs"), page);
    }

    @Test
    void textFromTheDataIsEscapedAndNeverTakenForAPlaceholder() {
        String reason =
                "field name.first: expected string, got \"<script>{{charts}}</script>\" & more text than a chart label holds";
        String page = ReportPage.render(report(Optional.empty(), List.of(new Count(reason, 2))), AGGREGATIONS);
        assertTrue(
                page.contains("<th scope=\"row\" data-chart-label=\"field name.first: expected string, got …\">"
                        + "field name.first: expected string, got &quot;&lt;script&gt;{{charts}}&lt;/script&gt;&quot; &amp; more text "
                        + "than a chart label holds</th><td data-value=\"2\">2</td>"),
                page);
        assertEquals(2, page.split("<script>", -1).length - 1, "only the page's own two scripts");
    }
}
