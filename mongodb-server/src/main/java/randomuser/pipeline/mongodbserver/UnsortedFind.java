package randomuser.pipeline.mongodbserver;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyCursor;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A find with no sort that no index serves, read from the collection one batch at a time: the first batch goes
 * out with the reply, each next one when the client asks for it ({@code getMore}). mongo-java-server builds a
 * find's whole result in the heap before the first batch goes out, about 5 KiB per Random User document, so a
 * client reading a collection of 100,000 held some 500 MiB of the server's heap; read so, a find holds one batch.
 *
 * <p>Documents come in {@code _id} order, the data file's key order. Each batch starts again just after the last
 * {@code _id} read, on the collection as it is at that moment, as a MongoDB cursor without a snapshot does: a
 * document changed meanwhile is seen as it is then, one added after the last {@code _id} read is seen, one added
 * before it is not. A batch never walks an old version of the file: freed space is reused after
 * {@link DataFileServer#REUSE_FREED_SPACE_AFTER}, and a client may wait far longer than that between batches.
 */
final class UnsortedFind extends AbstractCursor {
    /** MongoDB's first batch when the find names no batch size. */
    static final int DEFAULT_FIRST_BATCH = 101;
    /**
     * A batch's BSON at most. MongoDB's limit is 16 MiB per reply; decoded here, that would be some 80 MiB of heap
     * per batch being read. Clients take what comes and ask for more.
     */
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    /** MongoDB's code when a cursor's collection goes away under it. */
    private static final int QUERY_PLAN_KILLED = 175;

    private final BsonBytesCollection collection;
    private final Document filter;
    private final Document projection;
    private long toSkip;
    /** How many documents the find's limit still allows. */
    private long allowed;
    /** The last {@code _id} read; the next batch starts after it. Null before the first batch. */
    private Object lastKey;
    /** The next matching document, read ahead so that {@link #isEmpty()} is exact. */
    private Document ahead;

    private boolean exhausted;

    private UnsortedFind(
            long id, BsonBytesCollection collection, Document filter, Document projection, long skip, long limit) {
        super(id);
        this.collection = collection;
        this.filter = filter;
        this.projection = projection;
        this.toSkip = skip;
        this.allowed = limit;
    }

    /** True for a find command this class answers: no sort (or the natural order), a filter no index serves. */
    static boolean answers(BsonBytesCollection collection, Document command) {
        Object sort = command.get("sort");
        boolean unsorted = sort == null
                || ((Document) sort).isEmpty()
                || (((Document) sort).size() == 1 && isOne(((Document) sort).get("$natural")));
        return unsorted && !collection.isServedByAnIndex(filterOf(command));
    }

    /** The reply to a find command {@link #answers} said yes to, its cursor registered when more is left. */
    static Document reply(BsonBytesCollection collection, Document command, CursorRegistry cursors) {
        long limit = Math.abs(number(command, "limit"));
        // A negative limit (the legacy form) and singleBatch both ask for one batch and no cursor.
        boolean singleBatch = number(command, "limit") < 0 || Utils.isTrue(command.get("singleBatch"));
        long batchSize = number(command, "batchSize");
        UnsortedFind find = new UnsortedFind(
                cursors.generateCursorId(),
                collection,
                filterOf(command),
                (Document) command.get("projection"),
                number(command, "skip"),
                limit > 0 ? limit : Long.MAX_VALUE);
        List<Document> firstBatch = find.takeDocuments(batchSize > 0 ? (int) batchSize : DEFAULT_FIRST_BATCH);
        long cursorId = EmptyCursor.get().getId();
        if (!find.isEmpty() && !singleBatch) {
            cursors.add(find);
            cursorId = find.getId();
        }
        Document cursor = new Document("id", cursorId)
                .append("ns", collection.getFullName())
                .append("firstBatch", firstBatch);
        Document reply = new Document("cursor", cursor);
        Utils.markOkay(reply);
        return reply;
    }

    @Override
    public boolean isEmpty() {
        return ahead == null && exhausted;
    }

    /** Up to {@code count} documents (a getMore without a batch size sends 0: as many as one batch holds). */
    @Override
    public List<Document> takeDocuments(int count) {
        int wanted = count > 0 ? count : Integer.MAX_VALUE;
        List<Document> batch = new ArrayList<>();
        long bytes = 0;
        if (ahead != null) {
            batch.add(ahead);
            ahead = null;
        }
        synchronized (collection) {
            MVMap<Object, byte[]> documents = collection.documents();
            if (documents.isClosed()) {
                exhausted = true;
                throw new MongoServerError(
                        QUERY_PLAN_KILLED,
                        "QueryPlanKilled",
                        "collection " + collection.getFullName() + " was dropped while this find read it");
            }
            Cursor<Object, byte[]> keys = documents.cursor(lastKey);
            while (!exhausted && keys.hasNext()) {
                Object key = keys.next();
                if (lastKey != null && documents.getKeyType().compare(key, lastKey) == 0) {
                    continue;
                }
                lastKey = key;
                byte[] bson = keys.getValue();
                Document document = BsonBytes.decode(bson);
                if (!collection.matches(document, filter)) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                allowed--;
                exhausted = allowed == 0;
                if (batch.size() < wanted && bytes < MAX_BATCH_BYTES) {
                    batch.add(document);
                    bytes += bson.length;
                } else {
                    ahead = document;
                    break;
                }
            }
            if (ahead == null) {
                exhausted = true;
            }
            return collection.project(batch, projection);
        }
    }

    private static Document filterOf(Document command) {
        Object filter = command.get("filter");
        return filter == null ? new Document() : (Document) filter;
    }

    private static long number(Document command, String field) {
        Object value = command.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static boolean isOne(Object value) {
        return value instanceof Number number && number.intValue() == 1;
    }
}
