package randomuser.pipeline.stack.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import randomuser.pipeline.stack.StackLayout;

/**
 * Lays out a folder of jars (the Kafka broker classpath, a Spark home's jars) by running one of the
 * stack's install poms ({@code stack/install/<name>/pom.xml}: copy-dependencies into {@code .local/}),
 * then lets the caller add its config files. Re-runs when the install pom or the parent's version
 * properties change; the folder is emptied first so that no jar of an older version stays behind.
 */
public final class MavenLayoutStep implements InstallStep {
    private static final Pattern PROPERTIES = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL);

    private final StackLayout layout;
    private final String name;
    private final String description;
    private final Path jarsDir;
    private final Consumer<StackLayout> afterCopy;

    /**
     * @param name      the install pom's folder under stack/install
     * @param jarsDir   the folder the pom copies the jars into (emptied before)
     * @param afterCopy writes the config files of the layout
     */
    public MavenLayoutStep(
            StackLayout layout, String name, String description, Path jarsDir, Consumer<StackLayout> afterCopy) {
        this.layout = layout;
        this.name = name;
        this.description = description;
        this.jarsDir = jarsDir;
        this.afterCopy = afterCopy;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of(Prerequisite.MAVEN);
    }

    @Override
    public boolean isDone() {
        return stamp().isCurrent();
    }

    @Override
    public void install(CommandRunner runner) {
        Stamp stamp = stamp();
        stamp.delete();
        deleteRecursively(jarsDir);
        runner.run(
                description,
                Registry.MAVEN_CENTRAL,
                List.of(
                        "mvn",
                        "-B",
                        "-q",
                        "-Dstyle.color=never",
                        "-f",
                        layout.installPom(name).toString(),
                        "package",
                        "-Dpipeline.install.dir=" + layout.installDir()),
                Map.of(),
                layout.root(),
                layout.logsDir().resolve("install-" + name + ".log"));
        afterCopy.accept(layout);
        stamp.write();
    }

    private Stamp stamp() {
        return new Stamp(
                layout.stampsDir().resolve(name),
                Stamp.sha256(
                        read(layout.installPom(name)),
                        versionProperties(read(layout.root().resolve("pom.xml")))));
    }

    /** The parent pom's {@code <properties>} block: where every version is pinned. */
    static String versionProperties(String parentPom) {
        Matcher matcher = PROPERTIES.matcher(parentPom);
        return matcher.find()
                ? matcher.group(1).replaceAll("(?s)<!--.*?-->", "").replaceAll("\\s+", " ")
                : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
