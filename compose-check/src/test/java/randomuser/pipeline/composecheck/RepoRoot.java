package randomuser.pipeline.composecheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project folder, found by walking up from the working folder (Maven runs tests in the module's folder). */
final class RepoRoot {

    private RepoRoot() {}

    static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("pipeline"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project folder (one holding pipeline and pom.xml) at or above " + start);
    }
}
