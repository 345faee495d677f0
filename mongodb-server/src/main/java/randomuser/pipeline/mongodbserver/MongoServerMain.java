package randomuser.pipeline.mongodbserver;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar mongodb-server.jar --data-file var/mongodb/data.mv.db}: serves until SIGTERM / Ctrl-C. */
@Command(
        name = "mongodb-server",
        mixinStandardHelpOptions = true,
        version = "MongoDB-compatible server (mongo-java-server with H2 storage), advertising MongoDB 4.4",
        description = {
            "A MongoDB wire-protocol server for the local stack: one data file, each write committed to it "
                    + "before it is acknowledged. Any real MongoDB can replace it (MONGODB_URI)."
        })
public final class MongoServerMain implements Callable<Integer> {
    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "27017", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-file",
            required = true,
            description = "The H2 MVStore file holding every database (created if missing).")
    Path dataFile;

    @Option(
            names = "--cache-mib",
            defaultValue = "64",
            description =
                    "Page cache in MiB, the part of the heap that grows with the data (default ${DEFAULT-VALUE}).")
    int cacheMiB;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new MongoServerMain());
        cli.setParameterExceptionHandler((e, arguments) -> {
            cli.getErr().println("mongodb-server: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("mongodb-server: --port must be between 0 and 65535, got " + port);
            return 2;
        }
        if (cacheMiB < 1) {
            System.err.println("mongodb-server: --cache-mib must be at least 1, got " + cacheMiB);
            return 2;
        }
        DataFileServer server;
        try {
            server = DataFileServer.start(host, port, dataFile, cacheMiB);
        } catch (UncheckedIOException e) {
            System.err.println(
                    "mongodb-server: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        } catch (MVStoreException e) {
            System.err.println("mongodb-server: cannot open the data file " + dataFile + " (" + e.getMessage()
                    + "); is another server using it? Stop it, or give another --data-file");
            return 1;
        } catch (Exception e) {
            // Netty throws the BindException unchecked-ly through syncUninterruptibly(), so it is caught as Exception.
            if (causedByBind(e)) {
                System.err.println("mongodb-server: cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                        + "); stop what uses the port, or give another --port");
                return 1;
            }
            throw new IllegalStateException("mongodb-server: cannot start", e);
        }
        System.out.println("mongodb-server: MongoDB 4.4 wire protocol on " + server.connectionString() + ", data in "
                + dataFile.toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            System.out.println("mongodb-server: stopped, data file closed");
                            stopped.countDown();
                        },
                        "mongodb-server-shutdown"));
        stopped.await();
        return 0;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
