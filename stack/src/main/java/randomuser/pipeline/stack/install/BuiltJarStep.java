package randomuser.pipeline.stack.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/**
 * A jar of one of the project's modules. The {@code pipeline} script builds them all (one {@code mvn install}) when
 * a source changed, before the CLI starts; the CLI never runs Maven, which builds the CLI itself and would rewrite
 * its jar under it. So this step only checks the jar is there, and says how to build it when it is not.
 */
public final class BuiltJarStep implements InstallStep {
    private final StackLayout layout;
    private final String module;
    private final Path jar;

    public BuiltJarStep(StackLayout layout, String module, Path jar) {
        this.layout = layout;
        this.module = module;
        this.jar = jar;
    }

    @Override
    public String description() {
        return "the " + module + " jar";
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of();
    }

    @Override
    public boolean isDone() {
        return Files.isRegularFile(jar);
    }

    @Override
    public void install(CommandRunner runner) {
        throw new StackException(layout.root().relativize(jar) + " is missing: run the stack through ./pipeline, "
                + "which builds the project's jars when their sources change (or build it: mvn -B -pl " + module
                + " -am install -DskipTests)");
    }
}
