package randomuser.pipeline.stack.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import randomuser.pipeline.stack.StackException;

class PrerequisiteTest {
    @Test
    void foundOnlyAsAnExecutableOnThePath(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = Files.createFile(bin.resolve("npm"));
        String path = dir.resolve("empty") + ":" + bin;
        assertFalse(Prerequisite.NPM.isInstalled(path));
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(Prerequisite.NPM.isInstalled(path));
        assertFalse(Prerequisite.NODE.isInstalled(path));
        assertFalse(Prerequisite.NODE.isInstalled(null));
    }

    @Test
    void oneMessageNamesEveryMissingProgramAndTheInstallCommand(@TempDir Path emptyDir) {
        Map<Prerequisite, String> needed = new LinkedHashMap<>();
        needed.put(Prerequisite.PYTHON3, "to install Airflow");
        needed.put(Prerequisite.NODE, "to install mongosh");
        StackException e =
                assertThrows(StackException.class, () -> Prerequisite.requireAll(needed, emptyDir.toString()));
        assertEquals(
                "missing prerequisite: `python3` (Python 3, needed to install Airflow), "
                        + "`node` (Node.js, needed to install mongosh). "
                        + "Install it with: apt-get install -y python3 python3-venv && apt-get install -y nodejs npm",
                e.getMessage());
    }
}
