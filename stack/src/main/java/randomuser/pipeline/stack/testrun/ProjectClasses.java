package randomuser.pipeline.stack.testrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads every project class of a module jar up front, for the tests that run long against the stack.
 * Engineers share {@code ~/.m2} and reinstall modules (the stack, the catalogue, the emulator) while these
 * tests run; the JVM reads classes lazily from the jar it opened, and a jar rewritten under it fails with
 * NoClassDefFoundError in code that runs late, such as the {@code finally} that restarts a killed broker or
 * resumes the scheduled ingest.
 */
public final class ProjectClasses {
    private static final String PROJECT_PACKAGE = "randomuser/pipeline/";

    private ProjectClasses() {
    }

    /** Loads (without initialising) every project class of the jar holding each anchor. */
    public static void preloadJarsOf(Class<?>... anchors) {
        for (Class<?> anchor : anchors) {
            try {
                preloadJarOf(anchor);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void preloadJarOf(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(location)) {
            return; // a classes folder of this reactor build: nobody rewrites it under us
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(PROJECT_PACKAGE) && name.endsWith(".class")) {
                    load(name.substring(0, name.length() - ".class".length()).replace('/', '.'), anchor.getClassLoader());
                }
            }
        }
    }

    private static void load(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot preload " + className + ": " + e, e);
        }
    }
}
