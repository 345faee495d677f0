package randomuser.pipeline.stack.testrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.install.CommandRunner;
import randomuser.pipeline.stack.install.Registry;

/**
 * Debian packages the tests need beyond what the stack installs: docker-compose (validates the compose
 * files) and Chromium with its driver (the browser test of the Airflow UI). They are system packages, so
 * they are installed with apt-get when missing; everything else the tests use lives in the project folder.
 */
public final class TestTools {

    /** A Debian package and the file that shows it is installed. */
    record DebianPackage(String name, Path installedFile) {}

    static final List<DebianPackage> PACKAGES = List.of(
            new DebianPackage("docker-compose", Path.of("/usr/bin/docker-compose")),
            new DebianPackage("chromium", Path.of("/usr/bin/chromium")),
            new DebianPackage("chromium-driver", Path.of("/usr/bin/chromedriver")));

    private final StackLayout layout;
    private final Progress progress;

    public TestTools(StackLayout layout, Progress progress) {
        this.layout = layout;
        this.progress = progress;
    }

    /** Installs the missing packages; fails with the command to run when this user may not install them. */
    public void ensureInstalled() {
        List<String> missing = missing(PACKAGES);
        if (missing.isEmpty()) {
            return;
        }
        List<String> prefix = privilegePrefix();
        if (prefix == null) {
            throw new StackException("the tests need the Debian packages " + String.join(", ", missing)
                    + ", and only root can install them. Install them with: sudo apt-get install -y "
                    + String.join(" ", missing));
        }
        CommandRunner runner = new CommandRunner(progress);
        Path log = layout.logFile("install-test-tools");
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        progress.line("installing the test tools " + String.join(", ", missing) + " (apt-get) ...");
        runner.run(
                "the package lists",
                Registry.DEBIAN,
                command(prefix, "apt-get", "update", "-q"),
                env,
                layout.projectRoot(),
                log);
        List<String> install = command(prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends");
        install.addAll(missing);
        runner.run(
                "the test tools " + String.join(", ", missing),
                Registry.DEBIAN,
                install,
                env,
                layout.projectRoot(),
                log);
    }

    static List<String> missing(List<DebianPackage> packages) {
        return packages.stream()
                .filter(p -> !Files.isExecutable(p.installedFile()))
                .map(DebianPackage::name)
                .toList();
    }

    /** No prefix as root; {@code sudo -n} where it works without a password; null where neither. */
    private static List<String> privilegePrefix() {
        if ("root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        try {
            Process sudo = new ProcessBuilder("sudo", "-n", "true")
                    .redirectErrorStream(true)
                    .start();
            return sudo.waitFor() == 0 ? List.of("sudo", "-n") : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> command(List<String> prefix, String... words) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(words));
        return command;
    }
}
