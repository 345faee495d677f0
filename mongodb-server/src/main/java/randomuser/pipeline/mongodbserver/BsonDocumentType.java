package randomuser.pipeline.mongodbserver;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Documents stored in the data file as BSON, with the server's own wire encoder and decoder. The H2 backend's
 * default stores them with Java serialization: every document repeats the class descriptions of its maps,
 * numbers and dates, which measured 2.2x the documents' BSON size before a single replacement, and compaction
 * could not keep replace-upserts under 4x. Every value a document can hold came in as BSON, so it goes back
 * out as BSON unchanged.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** What a decoded document of a Random User facet costs on the heap, roughly: the page cache counts with it. */
    private static final int HEAP_BYTES_ESTIMATE = 2048;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return HEAP_BYTES_ESTIMATE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
