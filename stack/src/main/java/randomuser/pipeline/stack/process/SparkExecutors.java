package randomuser.pipeline.stack.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The executor processes the Spark workers launched, by the application they work for. */
public final class SparkExecutors {
    private static final String APP_ID_FLAG = "--app-id";

    private SparkExecutors() {}

    /** Application id to the pids of its executors, among the workers' child processes. */
    public static Map<String, Set<Long>> byApplication(Collection<Long> workerPids) {
        Map<String, Set<Long>> executors = new HashMap<>();
        for (long worker : workerPids) {
            ProcessHandle.of(worker)
                    .ifPresent(handle -> handle.descendants()
                            .forEach(child -> applicationOf(ProcFs.arguments(child.pid()))
                                    .ifPresent(app -> executors
                                            .computeIfAbsent(app, a -> new HashSet<>())
                                            .add(child.pid()))));
        }
        return executors;
    }

    /** The value of {@code --app-id} on an executor's command line (CoarseGrainedExecutorBackend). */
    static Optional<String> applicationOf(List<String> arguments) {
        int flag = arguments.indexOf(APP_ID_FLAG);
        return flag >= 0 && flag + 1 < arguments.size() ? Optional.of(arguments.get(flag + 1)) : Optional.empty();
    }
}
