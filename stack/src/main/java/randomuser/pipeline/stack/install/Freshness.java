package randomuser.pipeline.stack.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;

/** Whether a built file is older than the sources it was built from (make's rule). */
public final class Freshness {
    /** Folders that hold outputs, not sources. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");

    private Freshness() {}

    public static boolean isUpToDate(Path output, List<Path> sources) {
        if (!Files.exists(output)) {
            return false;
        }
        try {
            FileTime built = Files.getLastModifiedTime(output);
            return sources.stream()
                    .noneMatch(source -> newestModification(source).compareTo(built) > 0);
        } catch (IOException e) {
            return false;
        }
    }

    static FileTime newestModification(Path root) {
        FileTime[] newest = {FileTime.fromMillis(0)};
        if (!Files.exists(root)) {
            return newest[0];
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root)
                                    && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.lastModifiedTime().compareTo(newest[0]) > 0) {
                        newest[0] = attrs.lastModifiedTime();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newest[0];
    }
}
