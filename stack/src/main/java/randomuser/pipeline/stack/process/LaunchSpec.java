package randomuser.pipeline.stack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How to start one component's process: its command, extra environment and working folder. */
public record LaunchSpec(String component, List<String> command, Map<String, String> environment, Path workDir) {
    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
