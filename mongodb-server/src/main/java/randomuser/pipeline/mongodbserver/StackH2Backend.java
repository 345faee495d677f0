package randomuser.pipeline.mongodbserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend as the local stack runs it, with three differences.
 *
 * <p>Documents are stored as BSON bytes ({@link BsonBytesCollection}) and unique index keys as BSON
 * ({@link IndexKeyType}), both instead of Java-serialized objects.
 *
 * <p>A command that changes data is committed to the data file before its reply goes out. Left alone, the
 * MVStore commits in the background about once a second, so a write the client was told succeeded could
 * vanish with a {@code kill -9}; the streaming jobs commit their Kafka offsets as soon as the write returns,
 * and such a write would be lost for good. A commit hands the changed pages to the operating system, which is
 * what survives the server process dying. It does not fsync each write: {@link DataFileServer} syncs the file
 * every second, so a crash of the whole machine can lose about the last second.
 *
 * <p>Every command keeps the version of the data file it started on readable until it ends. A read walks the
 * version current when it began; without this, space that version's pages used could be written over once
 * {@link DataFileServer#REUSE_FREED_SPACE_AFTER} had passed, and a read running longer than that (a full scan
 * of 100,000 documents while six jobs wrote and the heap was short) failed with "Chunk 23580 not found".
 *
 * <p>{@code buildInfo} also says what the server really is ({@code localServer}), so {@code ./pipeline status}
 * and mongo/mongo-init.js can tell it from a real MongoDB; the product never reads it.
 */
final class StackH2Backend extends H2Backend {
    /** Commands that change data or metadata, lower-cased (command names are case-insensitive on the wire). */
    static final Set<String> CHANGING_COMMANDS = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "renamecollection");

    static final String LOCAL_SERVER_FIELD = "localServer";

    private final String localServer;

    StackH2Backend(MVStore store) {
        super(store);
        this.localServer = describe();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        Document reply;
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            reply = super.handleCommand(channel, database, command, query);
        } finally {
            getMvStore().deregisterVersionUsage(reading);
            // Also after a failed command: an ordered bulk that stopped at a bad document has applied the ones
            // before it, and the client is told so.
            if (CHANGING_COMMANDS.contains(name)) {
                commit();
            }
        }
        if (name.equals("buildinfo")) {
            reply.put(LOCAL_SERVER_FIELD, localServer);
        }
        return reply;
    }

    /**
     * Committed at once: opening a database of a file written before this release rebuilds its unique indexes
     * (see {@link BsonDatabase#openOrCreateUniqueIndex}), about a second per 100,000 documents, and a server
     * stopped later in its start must not have to do that again.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MongoDatabase database = new BsonDatabase(databaseName);
        commit();
        return database;
    }

    /**
     * The backend's database with each collection's documents in a map of BSON bytes and its unique indexes in
     * maps of BSON keys. The documents' map names are the backend's own, so its other paths (drop, rename), which
     * open the maps by name, get these already-open typed maps back from the store. An inner class on purpose:
     * the database's constructor opens the collections already in the file (calling
     * {@link #openOrCreateCollection}) before any field of a subclass could be set, and an inner class's link to
     * its backend, and so to the store, is set before that.
     */
    private final class BsonDatabase extends H2Database {
        /** The backend's prefixes of a collection's data and metadata maps (package-private in H2Database). */
        private static final String DATA_MAP_PREFIX = "databases.";

        private static final String META_MAP_PREFIX = "meta.";

        BsonDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** A find with no sort that no index serves is read a batch at a time ({@link UnsortedFind}). */
        @Override
        public Document handleCommand(
                Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
            if (command.equalsIgnoreCase("find")
                    && query.get(command) instanceof String collectionName
                    && resolveCollection(collectionName, false) instanceof BsonBytesCollection collection
                    && UnsortedFind.answers(collection, query)) {
                clearLastStatus(channel);
                return UnsortedFind.reply(collection, query, cursorRegistry);
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, byte[]> data = store.openMap(
                    DATA_MAP_PREFIX + fullName, new MVMap.Builder<Object, byte[]>().valueType(BsonBytes.TYPE));
            MVMap<String, Object> meta = store.openMap(META_MAP_PREFIX + fullName);
            return new BsonBytesCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /**
         * A unique index in a map of its own name, with {@link IndexKeyType} keys. A data file written before
         * kept the index in the backend's map of Java-serialized keys: that map goes, and the collection fills
         * the new, empty one from its documents when it adds the index (its own path for an empty index).
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            MVMap<KeyValue, Object> positions = store.openMap(
                    indexMapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.TYPE));
            String javaSerialized = javaSerializedIndexMapName(collectionName, indexName);
            if (store.hasMap(javaSerialized)) {
                store.removeMap(javaSerialized);
            }
            return new BsonKeyUniqueIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
        }

        /** Starts with the collection's namespace, as the backend's own names do: dropping the database drops it. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._bson_index_" + indexName;
        }

        private String javaSerializedIndexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /** "mongo-java-server 1.47.0, H2 2.3.232": the versions pinned in the parent pom, filtered into a resource. */
    private static String describe() {
        Properties versions = new Properties();
        try (InputStream in = StackH2Backend.class.getResourceAsStream("server-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("server-versions.properties is missing from the jar");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "mongo-java-server " + versions.getProperty("mongo-java-server") + ", H2 " + versions.getProperty("h2");
    }
}
