package randomuser.pipeline.mongodbserver;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import org.h2.mvstore.MVMap;

/**
 * A collection whose documents are kept in the data file as BSON bytes ({@link BsonBytes}), keyed by
 * {@code _id} like the H2 backend's own collection, in maps of the same names and the same layout. Every
 * document handed out is decoded afresh, so nothing a command does to it can change the stored one.
 */
final class BsonBytesCollection extends AbstractSynchronizedMongoCollection<Object> {
    /**
     * The BSON a sort may hold: some 160 MiB of heap decoded, a third of the server's. MongoDB's own limit is
     * 100 MB; its documents in memory are near their BSON size, the backend's about five times it.
     */
    static final long SORT_MEMORY_LIMIT_BYTES = 32L * 1024 * 1024;
    /** MongoDB's code for a sort over its memory limit. */
    private static final int QUERY_EXCEEDED_MEMORY_LIMIT = 292;

    /** The metadata key the H2 backend keeps the collection's BSON size under. */
    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Object> metadata;

    BsonBytesCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, byte[]> documents,
            MVMap<String, Object> metadata,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.documents = documents;
        this.metadata = metadata;
        metadata.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        // A collection created without an _id index (capped, autoIndexId false) keys documents by a random UUID.
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = documents.putIfAbsent(Missing.ofNullable(key), BsonBytes.encode(document));
        if (previous != null) {
            throw new IllegalStateException("a document with _id " + key + " is already in " + getFullName());
        }
        return key;
    }

    @Override
    protected Document getDocument(Object position) {
        return BsonBytes.decode(documents.get(position));
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonBytes.encode(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new IllegalStateException("no document with _id " + position + " in " + getFullName());
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonBytes.decode(entry.getValue()), entry.getKey()));
    }

    /**
     * Every document, decoded one at a time as the stream is read. This is where an aggregation reads the
     * collection (and so {@code countDocuments}, the report, {@code $lookup}'s outer side): the backend's default
     * builds a list of every document first, some 5 KiB of heap per Random User document, and counting six
     * collections of 100,000 ran the server out of memory. The stream walks the version of the file current when
     * it began, which stays readable until the command ends ({@link StackH2Backend}).
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return documents.values().stream().map(BsonBytes::decode);
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Comparator<Document> order = deriveComparator(orderBy);
        if (order != null) {
            return sortedMatches(query, order, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> candidates = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : queryAllAsStream();
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * A sort over the whole collection, done in memory within bounds, as MongoDB does. With a limit, only the
     * first {@code skip + limit} documents in the sort's order are kept while the collection is read. Without one,
     * every matching document is held, and a sort that would hold more than {@link #SORT_MEMORY_LIMIT_BYTES} of
     * BSON fails with MongoDB's own error instead: the backend held them all decoded (some 5 KiB of heap per Random
     * User document), and a sort over a large collection took the whole heap and the server with it. Documents
     * that sort equal keep the collection's order ({@code _id}), as in the backend's own sort.
     */
    private QueryResult sortedMatches(
            Document query, Comparator<Document> order, int skip, int limit, int batchSize, Document projection) {
        long keep = limit > 0 ? (long) skip + limit : Long.MAX_VALUE;
        Comparator<Sortable> sortOrder =
                Comparator.comparing(Sortable::document, order).thenComparingLong(Sortable::sequence);
        // The last document in the sort's order first, so that it is the one dropped when more than keep are held.
        PriorityQueue<Sortable> held = new PriorityQueue<>(sortOrder.reversed());
        long heldBytes = 0;
        long sequence = 0;
        for (byte[] bson : documents.values()) {
            Document document = BsonBytes.decode(bson);
            if (!documentMatchesQuery(document, query)) {
                continue;
            }
            held.add(new Sortable(document, sequence++, bson.length));
            heldBytes += bson.length;
            if (held.size() > keep) {
                heldBytes -= held.poll().bsonBytes();
            }
            if (heldBytes > SORT_MEMORY_LIMIT_BYTES) {
                throw new MongoServerError(
                        QUERY_EXCEEDED_MEMORY_LIMIT,
                        "QueryExceededMemoryLimitNoDiskUseAllowed",
                        "Sort exceeded memory limit of " + SORT_MEMORY_LIMIT_BYTES + " bytes, but did not opt in to "
                                + "external sorting. This server sorts in memory only: add a filter or a limit, or "
                                + "read without a sort");
            }
        }
        List<Document> sorted = held.stream()
                .sorted(sortOrder)
                .skip(skip)
                .map(Sortable::document)
                .toList();
        return matchDocumentsFromStream(new Document(), sorted.stream(), 0, 0, batchSize, null, projection);
    }

    /** A document held for a sort, with its place in the collection's order and its BSON size. */
    private record Sortable(Document document, long sequence, int bsonBytes) {}

    /** The documents by {@code _id}, for {@link UnsortedFind}, which reads them under this collection's lock. */
    MVMap<Object, byte[]> documents() {
        return documents;
    }

    /** Whether the document matches the filter, by the backend's own matcher (not thread-safe: under the lock). */
    boolean matches(Document document, Document filter) {
        return documentMatchesQuery(document, filter);
    }

    /** True when one of the collection's indexes serves the filter, as the backend's own query path asks. */
    boolean isServedByAnIndex(Document filter) {
        return getIndexes().stream().anyMatch(index -> index.canHandle(filter));
    }

    /**
     * The documents with the find's projection applied by the backend's own code (none: as they are); under the
     * lock, as it matches each document against an empty filter on the way.
     */
    List<Document> project(List<Document> documents, Document projection) {
        if (projection == null || projection.isEmpty()) {
            return documents;
        }
        // An empty filter matches every document: this only projects.
        return matchDocumentsFromStream(new Document(), documents.stream(), 0, 0, 0, null, projection)
                .collectDocuments();
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (metadata) {
            metadata.put(DATA_SIZE_KEY, ((Number) metadata.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) metadata.get(DATA_SIZE_KEY)).intValue();
    }
}
