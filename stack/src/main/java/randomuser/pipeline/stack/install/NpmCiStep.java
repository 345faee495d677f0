package randomuser.pipeline.stack.install;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;

/** Installs mongosh from the npm registry, exactly as tools/mongosh/package-lock.json pins it. */
public final class NpmCiStep implements InstallStep {
    private final StackLayout layout;

    public NpmCiStep(StackLayout layout) {
        this.layout = layout;
    }

    @Override
    public String description() {
        return "mongosh (npm ci, a few minutes the first time)";
    }

    @Override
    public List<Prerequisite> prerequisites() {
        return List.of(Prerequisite.NODE, Prerequisite.NPM);
    }

    @Override
    public boolean isDone() {
        return Files.isExecutable(layout.mongoShell())
                && Freshness.isUpToDate(
                        layout.mongoShell(),
                        List.of(
                                layout.mongoShellProject().resolve("package-lock.json"),
                                layout.mongoShellProject().resolve("package.json")));
    }

    @Override
    public void install(CommandRunner runner) {
        if (!Files.isRegularFile(layout.mongoShellProject().resolve("package-lock.json"))) {
            throw new StackException("cannot install mongosh: "
                    + layout.mongoShellProject().resolve("package-lock.json") + " is missing");
        }
        runner.run(
                "mongosh",
                Registry.NPM,
                List.of(
                        "npm",
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--prefix",
                        layout.mongoShellProject().toString()),
                Map.of(),
                layout.root(),
                layout.logsDir().resolve("install-mongosh.log"));
        // npm keeps the files' dates from the package: mark the install time for the freshness check.
        layout.mongoShell().toFile().setLastModified(System.currentTimeMillis());
    }
}
