package randomuser.pipeline.mongodbserver;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key type of a unique index's map (an index key's values, {@code _id} for the {@code _id} index): written
 * as a small BSON document ({@link BsonBytes}), ordered by MongoDB's own value order.
 *
 * <p>Why not the MVStore's default: index keys are not of a type it knows, so it wrote them with Java
 * serialization and compared two of them by serializing both. A profile of the server under the six streaming
 * jobs found two thirds of its time in {@code ObjectOutputStream}, for the {@code _id} index alone.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {
    static final IndexKeyType TYPE = new IndexKeyType();

    /** The number of values; a value that is missing (not null) has no field of its own. */
    private static final String SIZE_FIELD = "n";
    /** Heap of a key of one short value (an _id): the MVStore sizes its pages and cache with it. */
    private static final int HEAP_BYTES_ESTIMATE = 160;

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private IndexKeyType() {}

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return HEAP_BYTES_ESTIMATE;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document document = new Document(SIZE_FIELD, key.size());
        for (int i = 0; i < key.size(); i++) {
            if (!(key.get(i) instanceof Missing)) {
                document.put(Integer.toString(i), key.get(i));
            }
        }
        BsonBytes.TYPE.write(buffer, BsonBytes.encode(document));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Document document = BsonBytes.decode(BsonBytes.TYPE.read(buffer));
        int size = ((Number) document.get(SIZE_FIELD)).intValue();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(document.getOrMissing(Integer.toString(i)));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
