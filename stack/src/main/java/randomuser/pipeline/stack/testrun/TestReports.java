package randomuser.pipeline.stack.testrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;

/**
 * Adds up JUnit XML reports (Surefire, Failsafe, pytest's --junitxml) into one count, so a test run ends
 * with a single line that says how many tests passed, failed and were skipped, whatever ran them.
 */
public final class TestReports {

    /** Test counts; errors count as failures. */
    public record Counts(int passed, int failed, int skipped) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(passed + other.passed, failed + other.failed, skipped + other.skipped);
        }

        public int total() {
            return passed + failed + skipped;
        }

        /** The closing line: {@code tests: 812 passed, 0 failed, 0 skipped}. */
        public String line() {
            return "tests: " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }

    private TestReports() {}

    /** Counts of every {@code TEST-*.xml} under the given folders (folders that do not exist count nothing). */
    public static Counts countReportsUnder(List<Path> folders) {
        Counts total = Counts.NONE;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(TestReports::isReport).toList()) {
                    total = total.plus(count(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && name.endsWith(".xml")
                && (name.startsWith("TEST-") || name.equals("pytest.xml"));
    }

    /** Counts of one report: its testsuite elements (a root testsuites element holds several). */
    static Counts count(Path report) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            if (root.getTagName().equals("testsuite")) {
                return suiteCounts(root);
            }
            Counts sum = Counts.NONE;
            var suites = root.getElementsByTagName("testsuite");
            for (int i = 0; i < suites.getLength(); i++) {
                sum = sum.plus(suiteCounts((Element) suites.item(i)));
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable test report " + report + ": " + e.getMessage(), e);
        }
    }

    private static Counts suiteCounts(Element suite) {
        int tests = number(suite, "tests");
        int failed = number(suite, "failures") + number(suite, "errors");
        int skipped = number(suite, "skipped");
        return new Counts(tests - failed - skipped, failed, skipped);
    }

    private static int number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value.trim());
    }
}
