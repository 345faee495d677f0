package randomuser.pipeline.mongodbserver;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The data file's value type: one document's BSON bytes, written as they are (a BSON document starts with its
 * own length, so nothing is added). Documents stay bytes in the pages and the page cache, and are decoded one
 * at a time when a command asks for one.
 *
 * <p>Why bytes and not decoded documents: the MVStore reads and writes whole pages. With decoded documents as
 * values, upserting one document by a random {@code _id} (the pipeline's keys are UUIDs) decoded every document
 * of its page on a cache miss and encoded them all again at the commit: some 8 documents of work per document
 * written, and the cache held few documents because each decoded one takes some 5 KiB of heap. As bytes, a page
 * is read and written by copying, and the cache holds its documents at their BSON size.
 */
final class BsonBytes extends BasicDataType<byte[]> {
    static final BsonBytes TYPE = new BsonBytes();

    /** The array's header and length on the heap, beside its bytes. */
    private static final int ARRAY_OVERHEAD = 24;

    private BsonBytes() {}

    static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    /** The document, or null for null (a key the map does not hold). */
    static Document decode(byte[] bytes) {
        return bytes == null ? null : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public int getMemory(byte[] bytes) {
        return bytes.length + ARRAY_OVERHEAD;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bytes) {
        buffer.put(bytes);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
