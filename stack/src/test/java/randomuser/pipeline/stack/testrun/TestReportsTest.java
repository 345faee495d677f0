package randomuser.pipeline.stack.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportsTest {

    @TempDir
    Path dir;

    @Test
    void addsUpSurefireAndPytestReportsCountingErrorsAsFailures() throws IOException {
        Path surefire = Files.createDirectories(dir.resolve("fetcher/target/surefire-reports"));
        Files.writeString(
                surefire.resolve("TEST-a.FooTest.xml"),
                "<?xml version=\"1.0\"?><testsuite name=\"a.FooTest\" tests=\"10\" failures=\"1\" errors=\"2\" skipped=\"3\"/>");
        Files.writeString(surefire.resolve("a.FooTest.txt"), "not a report");
        Path pytest = Files.createDirectories(dir.resolve("var/test-reports"));
        Files.writeString(
                pytest.resolve("pytest.xml"),
                "<testsuites><testsuite name=\"pytest\" tests=\"67\" "
                        + "failures=\"0\" errors=\"0\" skipped=\"0\"/></testsuites>");

        TestReports.Counts counts = TestReports.countReportsUnder(List.of(surefire, pytest, dir.resolve("missing")));

        assertEquals(new TestReports.Counts(71, 3, 3), counts);
        assertEquals("tests: 71 passed, 3 failed, 3 skipped", counts.line());
        assertEquals(77, counts.total());
    }

    @Test
    void anUnreadableReportIsAnErrorNotASilentZero() throws IOException {
        Path surefire = Files.createDirectories(dir.resolve("target/surefire-reports"));
        Files.writeString(surefire.resolve("TEST-broken.xml"), "<testsuite tests=");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> TestReports.countReportsUnder(List.of(surefire)));
        assertEquals(true, e.getMessage().startsWith("unreadable test report "));
    }

    @Test
    void noReportsCountNothing() {
        assertEquals(TestReports.Counts.NONE, TestReports.countReportsUnder(List.of(dir)));
    }
}
