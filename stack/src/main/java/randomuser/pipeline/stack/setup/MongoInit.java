package randomuser.pipeline.stack.setup;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import randomuser.pipeline.stack.StackException;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.process.LogTail;

/**
 * Runs {@code mongo/mongo-init.js} with mongosh against a MongoDB: the database, the six collections,
 * dead_letters and the indexes of the example queries. The script is idempotent, so it runs on every
 * {@code up}; its output goes to var/logs/mongo-init.log.
 */
public final class MongoInit {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String DONE_PREFIX = "mongo-init: done";

    private MongoInit() {}

    /** {@code mongosh --quiet <uri> mongo/mongo-init.js} */
    public static List<String> command(StackLayout layout, String mongoUri) {
        return List.of(
                layout.mongoShell().toString(),
                "--quiet",
                mongoUri,
                layout.mongoInitScript().toString());
    }

    /** @return the script's closing line ("mongo-init: done (0 collections and 0 indexes created)") */
    public static String run(StackLayout layout, String mongoUri) {
        if (!Files.isExecutable(layout.mongoShell())) {
            throw new StackException("mongosh is not installed at " + layout.mongoShell() + ": run ./pipeline up");
        }
        Path log = layout.logsDir().resolve("mongo-init.log");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    LogTail.RUN_MARKER + Instant.now() + " " + String.join(" ", command(layout, mongoUri))
                            + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command(layout, mongoUri))
                    .directory(layout.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            // mongosh would otherwise try to send usage telemetry, which only waits on a network there isn't.
            builder.environment().put("DO_NOT_TRACK", "1");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException("mongo/mongo-init.js did not finish within " + TIMEOUT_SECONDS + "s; "
                        + LogTail.excerpt(log, 20));
            }
            if (process.exitValue() != 0) {
                throw new StackException(
                        "mongo/mongo-init.js failed (exit " + process.exitValue() + "); " + LogTail.excerpt(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mongosh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running mongo/mongo-init.js");
        }
        return LogTail.lastLines(log, 50).stream()
                .filter(line -> line.startsWith(DONE_PREFIX))
                .reduce((first, second) -> second)
                .orElse(DONE_PREFIX);
    }
}
