package randomuser.pipeline.stack.install;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import randomuser.pipeline.stack.StackException;

/** A program the stack needs on the PATH but does not install itself, with the command that installs it. */
public enum Prerequisite {
    JAVA("java", "a Java 17 JDK", "apt-get install -y openjdk-17-jdk-headless"),
    MAVEN("mvn", "Maven", "apt-get install -y maven"),
    PYTHON3("python3", "Python 3", "apt-get install -y python3 python3-venv"),
    NODE("node", "Node.js", "apt-get install -y nodejs npm"),
    NPM("npm", "npm", "apt-get install -y npm");

    private final String command;
    private final String description;
    private final String installCommand;

    Prerequisite(String command, String description, String installCommand) {
        this.command = command;
        this.description = description;
        this.installCommand = installCommand;
    }

    public String command() {
        return command;
    }

    public String installCommand() {
        return installCommand;
    }

    public boolean isInstalled(String pathVariable) {
        if (pathVariable == null) {
            return false;
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails with one message naming every missing program, what it is needed for and how to install it.
     *
     * @param needed each program and what it is needed for ("to build the MongoDB-compatible server")
     */
    public static void requireAll(Map<Prerequisite, String> needed, String pathVariable) {
        Map<Prerequisite, String> missing = new LinkedHashMap<>();
        needed.forEach((prerequisite, purpose) -> {
            if (!prerequisite.isInstalled(pathVariable)) {
                missing.put(prerequisite, purpose);
            }
        });
        if (!missing.isEmpty()) {
            throw new StackException(missingMessage(missing));
        }
    }

    static String missingMessage(Map<Prerequisite, String> missing) {
        String programs = missing.entrySet().stream()
                .map(e -> "`" + e.getKey().command + "` (" + e.getKey().description + ", needed " + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        String commands =
                missing.keySet().stream().map(p -> p.installCommand).distinct().collect(Collectors.joining(" && "));
        return "missing prerequisite: " + programs + ". Install it with: " + commands;
    }
}
