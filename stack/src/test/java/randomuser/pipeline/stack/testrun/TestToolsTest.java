package randomuser.pipeline.stack.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestToolsTest {

    @TempDir
    Path dir;

    @Test
    void onlyPackagesWhoseExecutableIsAbsentAreMissing() throws IOException {
        Path present = Files.createFile(
                dir.resolve("docker-compose"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path notExecutable = Files.createFile(dir.resolve("chromedriver"));
        List<TestTools.DebianPackage> packages = List.of(
                new TestTools.DebianPackage("docker-compose", present),
                new TestTools.DebianPackage("chromium", dir.resolve("chromium")),
                new TestTools.DebianPackage("chromium-driver", notExecutable));

        assertEquals(List.of("chromium", "chromium-driver"), TestTools.missing(packages));
    }

    @Test
    void theTestsNeedComposeChromiumAndItsDriver() {
        assertEquals(
                List.of("docker-compose", "chromium", "chromium-driver"),
                TestTools.PACKAGES.stream().map(TestTools.DebianPackage::name).toList());
    }
}
