package randomuser.pipeline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests leave what a person may want to look at afterwards: screenshots, page sources, dry-run output. */
final class Artifacts {
    /** Set by the build to the module's target/artifacts. */
    private static final String PROPERTY = "e2e.artifacts";

    private Artifacts() {}

    static Path dir() throws IOException {
        Path dir = Path.of(System.getProperty(PROPERTY, "target/artifacts")).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }
}
