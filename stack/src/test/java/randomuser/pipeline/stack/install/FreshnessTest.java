package randomuser.pipeline.stack.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshnessTest {
    @Test
    void anOutputIsStaleWhenMissingOrOlderThanASource(@TempDir Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("module/src"));
        Path source = Files.writeString(sources.resolve("A.java"), "class A {}");
        Path output = dir.resolve("module/target/a.jar");
        assertFalse(Freshness.isUpToDate(output, List.of(dir.resolve("module"))));

        Files.createDirectories(output.getParent());
        Files.writeString(output, "jar");
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(output, FileTime.fromMillis(2_000_000));
        assertTrue(Freshness.isUpToDate(output, List.of(dir.resolve("module"))));

        Files.setLastModifiedTime(source, FileTime.fromMillis(3_000_000));
        assertFalse(Freshness.isUpToDate(output, List.of(dir.resolve("module"))));
    }

    @Test
    void outputFoldersDoNotCountAsSources(@TempDir Path dir) throws Exception {
        Path output = Files.writeString(
                Files.createDirectories(dir.resolve("m/target")).resolve("a.jar"), "jar");
        Path other = Files.writeString(dir.resolve("m/target/classes.txt"), "newer");
        Files.setLastModifiedTime(output, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(other, FileTime.fromMillis(9_000_000));
        assertTrue(Freshness.isUpToDate(output, List.of(dir.resolve("m"))));
    }
}
