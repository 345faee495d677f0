package randomuser.pipeline.emulator;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar emulator.jar --host 127.0.0.1 --port 18080}: serves until stopped (SIGTERM / Ctrl-C). */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        version = "Random User API emulator, API v1.4",
        description = {
            "Offline emulator of the Random User API v1.4 at /api/ and /api/1.4/.",
            "Faults: add fault=429|500|502|503|504|error|malformed|empty|short|slow|stall|disconnect to a "
                    + "request, or POST /admin/faults?fault=503&count=2 (DELETE /admin/faults clears)."
        })
public final class EmulatorMain implements Callable<Integer> {

    @Option(
            names = "--host",
            defaultValue = "${env:EMULATOR_HOST:-127.0.0.1}",
            description = "Address to listen on (env EMULATOR_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "${env:EMULATOR_PORT:-18080}",
            description = "Port to listen on, 0 for any free port (env EMULATOR_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--threads",
            defaultValue = "" + RandomUserEmulator.DEFAULT_THREADS,
            description = "Request threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--gzip",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Compress bodies for clients that accept gzip, as live (default on; --no-gzip saves CPU).")
    boolean gzip;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new EmulatorMain());
        cli.setParameterExceptionHandler((e, arguments) -> {
            cli.getErr().println("emulator: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("emulator: --port must be between 0 and 65535, got " + port);
            return 2;
        }
        if (threads < 1) {
            System.err.println("emulator: --threads must be at least 1, got " + threads);
            return 2;
        }
        RandomUserEmulator emulator;
        try {
            emulator = RandomUserEmulator.start(new RandomUserEmulator.Settings(host, port, threads, gzip));
        } catch (UncheckedIOException e) {
            System.err.println("emulator: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "emulator-shutdown"));
        stopped.await();
        return 0;
    }
}
