package randomuser.pipeline.stack.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import randomuser.pipeline.stack.Progress;

/**
 * Runs the install steps that are not done yet, after checking every prerequisite they need: a missing
 * program is reported before anything is downloaded or started.
 */
public final class Installer {
    private final Progress progress;

    public Installer(Progress progress) {
        this.progress = progress;
    }

    /** Steps shared by several components (the Spark home) are given once: they are told apart by description. */
    public void install(List<InstallStep> steps) {
        Map<String, InstallStep> unique = new LinkedHashMap<>();
        steps.forEach(step -> unique.putIfAbsent(step.description(), step));
        List<InstallStep> pending = new ArrayList<>();
        for (InstallStep step : unique.values()) {
            if (!step.isDone()) {
                pending.add(step);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        Map<Prerequisite, String> needed = new LinkedHashMap<>();
        pending.forEach(step -> step.prerequisites()
                .forEach(prerequisite -> needed.putIfAbsent(prerequisite, "to install " + step.description())));
        Prerequisite.requireAll(needed, System.getenv("PATH"));
        CommandRunner runner = new CommandRunner(progress);
        for (InstallStep step : pending) {
            long started = System.nanoTime();
            progress.line("installing " + step.description() + " ...");
            step.install(runner);
            progress.line("installed " + step.description() + " in " + seconds(started) + "s");
        }
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
