package randomuser.pipeline.stack.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import randomuser.pipeline.stack.Progress;
import randomuser.pipeline.stack.StackLayout;
import randomuser.pipeline.stack.probe.Health;
import randomuser.pipeline.stack.probe.Probes;
import randomuser.pipeline.stack.process.LaunchSpec;

/**
 * The MongoDB-compatible server (the mongodb-server module: mongo-java-server on one H2 data file in
 * var/mongodb/), kept across down/up and deleted by clean. Everything reaches it through MONGODB_URI only.
 */
public final class MongoServer {
    public static final String NAME = "mongodb";
    public static final int PORT = 27017;
    public static final String URI = "mongodb://127.0.0.1:" + PORT;

    /**
     * The heap holds the page cache ({@link #CACHE_MIB}), the bulks being written, and what a read holds: a batch
     * of a find, a sort's documents (at most 32 MiB of BSON, some 160 MiB decoded), what an aggregation's
     * {@code $sort}, {@code $group} or {@code $facet} keeps. Writing allocates fast: a replace-upsert by a random _id
     * decodes, copies and encodes its document several times and rewrites its page, about a GB/s under six
     * writers. The serial collector in a heap kept small (free ratios 10/30) promoted the bulks in flight and ran
     * a full collection about every half second, and six writers got 6,200-6,500 documents/s; the parallel
     * collector with up to 512 MiB, 14,800-15,000, with resident memory at most 715 MiB, within the 768 MiB the
     * server may take at 600,000 documents (DataFileBenchmark with the server as its own process, rounds of
     * matching ids). Netty's buffers are heap buffers, inside that bound: as direct buffers they held 190 MiB of
     * native memory beside the heap. A server out of memory exits rather than limp on half-broken, and its
     * acknowledged writes are in the file.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseParallelGC",
            "-Dio.netty.noPreferDirect=true",
            "-XX:+ExitOnOutOfMemoryError");

    static final int CACHE_MIB = 64;

    private final StackLayout layout;

    private MongoServer(StackLayout layout) {
        this.layout = layout;
    }

    public static Component component(StackLayout layout) {
        MongoServer server = new MongoServer(layout);
        return new Component(
                NAME,
                List.of(PORT),
                Component.NO_DEPENDENCIES,
                List.of(InstallSteps.mongoServerJar(layout)),
                Duration.ofSeconds(60),
                URI,
                "no credentials; shell: " + layout.root().relativize(layout.mongoShell()) + " " + URI + "/randomuser",
                server::launchSpec,
                server::probe,
                server::copyJar);
    }

    /**
     * Runs the server from a copy of its jar, replaced by a rename: a build rewrites
     * mongodb-server/target/mongodb-server.jar in place, and a JVM whose jar changes under it fails on the next
     * class it loads (the tests' builds run while the stack's server serves them).
     */
    private void copyJar(Progress progress) {
        Path jar = layout.mongoServerJar();
        Path copy = layout.mongoServerRunJar();
        try {
            if (Files.isRegularFile(copy) && Files.mismatch(jar, copy) == -1) {
                return;
            }
            Files.createDirectories(copy.getParent());
            Path partial = copy.resolveSibling(copy.getFileName() + ".part");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " to " + copy, e);
        }
    }

    private LaunchSpec launchSpec() {
        List<String> command = new ArrayList<>();
        command.add(StackLayout.javaExecutable().toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-jar",
                layout.mongoServerRunJar().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(PORT),
                "--data-file",
                layout.mongoDataFile().toString(),
                "--cache-mib",
                Integer.toString(CACHE_MIB)));
        return new LaunchSpec(NAME, command, JvmFootprint.ENVIRONMENT, layout.root());
    }

    /** The server's ping, and the data file's size. */
    private Health probe(Probes probes) {
        Health ping = probes.mongoPing(URI);
        if (!ping.healthy()) {
            return ping;
        }
        try {
            long bytes = Files.size(layout.mongoDataFile());
            return Health.up(ping.evidence() + ", data file " + (bytes + (1 << 19)) / (1 << 20) + " MiB");
        } catch (IOException e) {
            return ping;
        }
    }
}
