package randomuser.pipeline.streaming;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Static DataFrames shaped like the Spark Kafka source's output. */
final class KafkaRecords {

    static final StructType SCHEMA = new StructType()
            .add(KafkaColumns.KEY, DataTypes.BinaryType)
            .add(KafkaColumns.VALUE, DataTypes.BinaryType)
            .add(KafkaColumns.TOPIC, DataTypes.StringType)
            .add(KafkaColumns.PARTITION, DataTypes.IntegerType)
            .add(KafkaColumns.OFFSET, DataTypes.LongType)
            .add(KafkaColumns.TIMESTAMP, DataTypes.TimestampType)
            .add("timestampType", DataTypes.IntegerType);

    /** Kafka timestamp of every test record: offset seconds after this instant. */
    static final Instant KAFKA_EPOCH = Instant.parse("2024-03-01T12:00:00Z");

    private final String topic;
    private final List<Row> rows = new ArrayList<>();

    KafkaRecords(String topic) {
        this.topic = topic;
    }

    KafkaRecords add(int partition, long offset, String key, String value) {
        return addBytes(partition, offset, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    KafkaRecords addBytes(int partition, long offset, String key, byte[] value) {
        rows.add(RowFactory.create(
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value,
                topic,
                partition,
                offset,
                kafkaTimestamp(offset),
                0));
        return this;
    }

    static Timestamp kafkaTimestamp(long offset) {
        return Timestamp.from(KAFKA_EPOCH.plusSeconds(offset));
    }

    Dataset<Row> toDataFrame() {
        return SparkTestSession.get().createDataFrame(rows, SCHEMA);
    }
}
