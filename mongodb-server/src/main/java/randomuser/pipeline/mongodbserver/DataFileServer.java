package randomuser.pipeline.mongodbserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server on one H2 MVStore data file: opened (or created) at start, every change
 * committed before it is acknowledged, closed cleanly at stop.
 */
public final class DataFileServer implements AutoCloseable {
    /**
     * How long space freed by a replaced document stays untouched before new writes may reuse it. H2's default
     * of 45 s let the file reach 3.9x the documents' BSON size under sustained replace-upserts (six writers,
     * 300,000 documents rewritten twice, DataFileBenchmark when it still used sequential ids, before compression);
     * 10 s kept it at 2.4x. It must stay well above {@link #SYNC_EVERY}: space is reused only once the state
     * that freed it is on the disk, so a machine crash can lose the last second of writes but never finds a chunk
     * the last synced state still needs overwritten.
     * It also bounds how long a read may walk an old version of a collection: a full scan here takes well
     * under a second.
     */
    static final Duration REUSE_FREED_SPACE_AFTER = Duration.ofSeconds(10);
    /**
     * Entries per page at most, instead of H2's 48. A leaf then holds about 4 Random User documents instead of
     * about 10 (H2 2.3 splits a file store's page at 16 KiB, a size it does not let us change). A commit rewrites,
     * compresses and writes every page a write touched, and an upsert by a random {@code _id} touches a leaf of its
     * own, so a smaller leaf is less of that per document: with six writers (DataFileBenchmark) the file held
     * 2.1-2.4x the documents' BSON instead of 2.8-3.1x and new ids went in about 20% faster; replacing was as fast,
     * and a full scan about 40% slower (more pages).
     */
    static final int KEYS_PER_PAGE = 8;
    /**
     * Threads that run clients' commands. Netty gives each new connection the next of its event loop threads, in
     * turn, for the connection's whole life, and the server runs each command on that thread; by default there are
     * two per core. On two cores the six streaming jobs' connections shared four threads, and a job alone on its
     * thread wrote about 1.4x as fast as one that shared its thread (1,820-1,960 documents/s against 1,320-1,350
     * in a sink benchmark round; the raw driver's six writers likewise, 2,990-3,200 against 1,970-2,090). With
     * more threads than connections that write at once, each writer gets a thread of its own and the operating
     * system shares the cores among them: the six jobs wrote within 8 % of one another. 32 covers the 24
     * connections open at once during the sink benchmark (data and monitoring, the stack's and the benchmark's).
     */
    static final int CLIENT_THREADS = 32;
    /** Writes are committed to the file before they are acknowledged; they reach the disk at most this late. */
    static final Duration SYNC_EVERY = Duration.ofSeconds(1);

    private final MVStore store;
    private final StackH2Backend backend;
    private final MongoServer server;
    private final ScheduledExecutorService syncer;

    private DataFileServer(MVStore store, StackH2Backend backend, MongoServer server, ScheduledExecutorService syncer) {
        this.store = store;
        this.backend = backend;
        this.server = server;
        this.syncer = syncer;
    }

    /**
     * Opens the data file (creating it and its folder if needed) and listens on {@code host:port}.
     *
     * @param cacheMiB the MVStore page cache, the part of the heap that grows with the data
     * @throws UncheckedIOException when the folder cannot be created
     * @throws org.h2.mvstore.MVStoreException when the file is locked by another process or unreadable
     */
    public static DataFileServer start(String host, int port, Path dataFile, int cacheMiB) {
        try {
            Path folder = dataFile.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + dataFile, e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(dataFile.toString())
                .cacheSize(cacheMiB)
                // Pages compressed (LZF, H2's fast one). Each upsert by a random _id rewrites its whole page, and
                // space freed stays untouched for REUSE_FREED_SPACE_AFTER: uncompressed, six writers kept 13x the
                // documents' BSON size in the file; compressed, 2-3x at the same documents/s (DataFileBenchmark).
                .compress()
                .keysPerPage(KEYS_PER_PAGE)
                .open();
        store.setRetentionTime((int) REUSE_FREED_SPACE_AFTER.toMillis());
        StackH2Backend backend = new StackH2Backend(store);
        backend.version(AdvertisedVersion.MONGODB_4_4);
        MongoServer server = new MongoServer(backend);
        // When bind() fails it shuts the server down itself, and with it the backend and the data file.
        server.bind(new InetSocketAddress(host, port), 1, CLIENT_THREADS);
        ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "data-file-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncer.scheduleWithFixedDelay(
                () -> syncQuietly(store), SYNC_EVERY.toMillis(), SYNC_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new DataFileServer(store, backend, server, syncer);
    }

    /** An fsync of the data file; a failure is logged and tried again next time (the writes are still committed). */
    private static void syncQuietly(MVStore store) {
        try {
            if (!store.isClosed()) {
                store.sync();
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DataFileServer.class)
                    .warn("cannot sync the data file to the disk: {}", e.getMessage());
        }
    }

    /** "mongodb://127.0.0.1:27017" (the real port when started with port 0). */
    public String connectionString() {
        return server.getConnectionString();
    }

    /** Stops accepting clients, closes them, commits and closes the data file. */
    @Override
    public void close() {
        syncer.shutdownNow();
        server.shutdownNow();
        if (!store.isClosed()) {
            backend.close();
        }
    }
}
