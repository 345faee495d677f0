package randomuser.pipeline.stack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one component's process: its command, extra environment, variables to remove from the
 * inherited environment, and working folder.
 */
public record LaunchSpec(
        String component,
        List<String> command,
        Map<String, String> environment,
        List<String> unsetEnvironment,
        Path workDir) {
    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        unsetEnvironment = List.copyOf(unsetEnvironment);
    }

    public LaunchSpec(String component, List<String> command, Map<String, String> environment, Path workDir) {
        this(component, command, environment, List.of(), workDir);
    }
}
