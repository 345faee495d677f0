package randomuser.pipeline.mongodbserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

/**
 * The server run as its own JVM from this module's classes, as the stack runs it: only a separate process can
 * be killed with SIGKILL the way a crash kills it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server on a free port with {@code dataFile} and waits until it answers a ping. */
    static ServerProcess start(Path dataFile) {
        return start(dataFile, DEFAULT_JVM_OPTIONS);
    }

    /**
     * The same with JVM options of the caller's (e.g. a heap of {@code -Xmx64m}: the server exits when it runs out
     * of memory) and further options of the server's (e.g. {@code --cache-mib 8}).
     */
    static ServerProcess start(Path dataFile, List<String> jvmOptions, String... serverOptions) {
        int port = freePort();
        List<String> arguments =
                new ArrayList<>(List.of("--port", Integer.toString(port), "--data-file", dataFile.toString()));
        arguments.addAll(List.of(serverOptions));
        Path log;
        try {
            log = Files.createTempFile("mongodb-server-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process = launch(arguments, log, jvmOptions);
        ServerProcess server = new ServerProcess(process, port, log);
        server.awaitPing();
        return server;
    }

    /** Runs the server with {@code arguments} to its end (for option errors); answers its exit code and output. */
    static Finished runToEnd(List<String> arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile("mongodb-server-", ".log");
        Process process = launch(arguments, log, DEFAULT_JVM_OPTIONS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not end within 60 s: " + Files.readString(log));
        }
        return new Finished(process.exitValue(), Files.readString(log));
    }

    record Finished(int exitCode, String output) {}

    private static Process launch(List<String> arguments, Path log, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                MongoServerMain.class.getName()));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server process's id, to read its CPU time and resident memory. */
    long pid() {
        return process.pid();
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    MongoClient client() {
        return MongoClients.create(uri() + "/?serverSelectionTimeoutMS=5000");
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the server ended with exit code " + process.exitValue() + ": " + output());
            }
            try (MongoClient client = MongoClients.create(uri() + "/?serverSelectionTimeoutMS=1000")) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "the server did not answer within " + START_TIMEOUT + ": " + output(), notYet);
                }
            }
        }
    }

    /** SIGKILL, as a crash: nothing of the server's own runs afterwards. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as {@code ./pipeline down}: the server closes its data file; answers the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within 60 s of SIGTERM: " + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
