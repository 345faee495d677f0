package randomuser.pipeline.mongodbserver;

import java.util.UUID;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

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

/**
 * A collection whose documents are kept in the data file as BSON bytes ({@link BsonBytes}), keyed by
 * {@code _id} like the H2 backend's own collection, in maps of the same names and the same layout. Every
 * document handed out is decoded afresh, so nothing a command does to it can change the stored one.
 */
final class BsonBytesCollection extends AbstractSynchronizedMongoCollection<Object> {
    /** The metadata key the H2 backend keeps the collection's BSON size under. */
    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Object> metadata;

    BsonBytesCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, byte[]> documents, MVMap<String, Object> metadata, CursorRegistry cursorRegistry) {
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

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> candidates = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(BsonBytes::decode);
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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
