package randomuser.pipeline.stack.install;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.process.LogTail;

/**
 * Runs one install command (mvn, go, npm) to completion with its output in a log file, printing a progress
 * line every few seconds, and turns a failure into one clear message.
 */
public final class CommandRunner {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Progress progress;

    public CommandRunner(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param what     what is being installed, for messages ("the Kafka broker jars")
     * @param registry the registry the command downloads from, to recognise "cannot reach it"
     */
    public void run(
            String what,
            Registry registry,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    LogTail.RUN_MARKER + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            while (!process.waitFor(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                if (seconds > TIMEOUT.toSeconds()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new StackException("installing " + what + " took more than " + TIMEOUT.toMinutes()
                            + " minutes and was stopped; " + LogTail.excerpt(log, 20));
                }
                progress.line("installing " + what + " ... " + seconds + "s");
            }
            if (process.exitValue() != 0) {
                throw failure(what, registry, process.exitValue(), log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while installing " + what);
        }
    }

    private static StackException failure(String what, Registry registry, int exitCode, Path log) {
        String output = String.join("\n", LogTail.lastLines(log, 200));
        if (registry.saysUnreachable(output)) {
            return new StackException(registry.unreachableMessage(what) + " (details: " + log + ")");
        }
        return new StackException(
                "installing " + what + " failed (exit " + exitCode + "); " + LogTail.excerpt(log, 20));
    }
}
