package randomuser.pipeline.mongodbserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link StackH2Backend} relies on to let a long read finish: a read walks the version of the data file it
 * began on, and a version registered as in use keeps its pages' space from being written over. Here freed space
 * may be reused at once (retention 0) and the cache is tiny, so the read must go to the file for its pages.
 */
class ReadVersionTest {
    private static final int DOCUMENTS = 20_000;

    @TempDir
    Path folder;

    private static MVStore store(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(1)
                .autoCommitDisabled()
                .open();
        store.setRetentionTime(0);
        return store;
    }

    /** Writes every document again {@code rounds} times, committing each thousand, so freed space is reused. */
    private static void rewrite(MVStore store, MVMap<Integer, byte[]> documents, int rounds) {
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.put(i, new byte[700]);
                if (i % 1000 == 999) {
                    store.commit();
                }
            }
        }
    }

    private static int readRest(Iterator<Integer> read) {
        int count = 0;
        while (read.hasNext()) {
            read.next();
            count++;
        }
        return count;
    }

    private static MVMap<Integer, byte[]> filled(MVStore store) {
        MVMap<Integer, byte[]> documents = store.openMap("documents");
        rewrite(store, documents, 1);
        return documents;
    }

    @Test
    void aReadOfARegisteredVersionFinishesWhileItsSpaceIsRewritten() {
        try (MVStore store = store(folder.resolve("pinned.mv.db"))) {
            MVMap<Integer, byte[]> documents = filled(store);
            MVStore.TxCounter reading = store.registerVersionUsage();
            try {
                Iterator<Integer> read = documents.keyIterator(null);
                read.next();
                rewrite(store, documents, 3);
                assertEquals(DOCUMENTS - 1, readRest(read));
            } finally {
                store.deregisterVersionUsage(reading);
            }
        }
    }

    /** The same read without registering its version: the test above can fail. */
    @Test
    void anUnregisteredReadFailsOnceItsSpaceIsRewritten() {
        try (MVStore store = store(folder.resolve("unpinned.mv.db"))) {
            MVMap<Integer, byte[]> documents = filled(store);
            Iterator<Integer> read = documents.keyIterator(null);
            read.next();
            rewrite(store, documents, 3);
            MVStoreException error = assertThrows(MVStoreException.class, () -> readRest(read));
            assertTrue(error.getMessage().contains("not found"), error.getMessage());
        }
    }
}
