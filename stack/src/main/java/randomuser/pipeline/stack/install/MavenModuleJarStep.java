package randomuser.pipeline.stack.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/** Builds one module of the reactor (with the modules it depends on) when its jar is missing or stale. */
public final class MavenModuleJarStep implements InstallStep {
    private final StackLayout layout;
    private final String module;
    private final Path jar;
    private final List<String> dependsOnModules;

    public MavenModuleJarStep(StackLayout layout, String module, Path jar, List<String> dependsOnModules) {
        this.layout = layout;
        this.module = module;
        this.jar = jar;
        this.dependsOnModules = List.copyOf(dependsOnModules);
    }

    @Override
    public String description() {
        return "the " + module + " jar (mvn install -pl " + module + ")";
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of(Prerequisite.MAVEN);
    }

    @Override
    public boolean isDone() {
        List<Path> sources = new ArrayList<>();
        sources.add(layout.root().resolve(module));
        dependsOnModules.forEach(dependency -> sources.add(layout.root().resolve(dependency)));
        return Freshness.isUpToDate(jar, sources);
    }

    @Override
    public void install(CommandRunner runner) {
        runner.run(description(), Registry.MAVEN_CENTRAL,
                List.of("mvn", "-B", "-q", "-Dstyle.color=never", "-pl", module, "-am", "install", "-DskipTests"),
                Map.of(), layout.root(), layout.logsDir().resolve("install-" + module + ".log"));
        if (!Files.isRegularFile(jar)) {
            throw new StackException("building the " + module + " module did not produce " + jar);
        }
        // Maven leaves an unchanged jar's date alone: mark it built now for the freshness check.
        jar.toFile().setLastModified(System.currentTimeMillis());
    }
}
