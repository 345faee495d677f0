package randomuser.pipeline.stack.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/** Builds the MongoDB-compatible server (the Go program in mongo-server/) into .local/bin. */
public final class GoBuildStep implements InstallStep {
    private final StackLayout layout;

    public GoBuildStep(StackLayout layout) {
        this.layout = layout;
    }

    private Path sources() {
        return layout.root().resolve("mongo-server");
    }

    @Override
    public String description() {
        return "the MongoDB-compatible server (go build)";
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of(Prerequisite.GO);
    }

    @Override
    public boolean isDone() {
        return Freshness.isUpToDate(layout.mongoServerBinary(), List.of(sources()));
    }

    @Override
    public void install(CommandRunner runner) {
        if (!Files.isRegularFile(sources().resolve("main.go"))) {
            throw new StackException("cannot build the MongoDB-compatible server: " + sources().resolve("main.go")
                    + " is missing");
        }
        try {
            Files.createDirectories(layout.mongoServerBinary().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runner.run(description(), Registry.GO_MODULE_PROXY,
                List.of("go", "build", "-o", layout.mongoServerBinary().toString(), "."),
                Map.of(), sources(), layout.logsDir().resolve("install-mongodb-server.log"));
    }
}
