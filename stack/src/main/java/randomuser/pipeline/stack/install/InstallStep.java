package randomuser.pipeline.stack.install;

import java.util.List;

/** One thing the stack installs into the project folder, skipped when already done. */
public interface InstallStep {
    /** What it installs, for progress lines and messages ("the Kafka broker jars"). */
    String description();

    /** Programs it needs on the PATH. */
    List<Prerequisite> prerequisites();

    /** True when a previous run already installed it and its inputs have not changed since. */
    boolean isDone();

    void install(CommandRunner runner);
}
