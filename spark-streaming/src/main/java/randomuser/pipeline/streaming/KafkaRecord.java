package randomuser.pipeline.streaming;

import java.sql.Timestamp;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One record of the Spark Kafka source, as the batch function reads it.
 *
 * @param key             message key bytes (the user's id when the fetcher produced it), or null
 * @param value           message value bytes, or null
 * @param timestampMillis the record's Kafka timestamp
 */
public record KafkaRecord(byte[] key, byte[] value, String topic, int partition, long offset, long timestampMillis) {

    /** The source's columns this record is read from, in the order {@link #of(Row)} expects them. */
    public static Dataset<Row> columnsOf(Dataset<Row> kafkaSource) {
        return kafkaSource.select(
                KafkaColumns.KEY,
                KafkaColumns.VALUE,
                KafkaColumns.TOPIC,
                KafkaColumns.PARTITION,
                KafkaColumns.OFFSET,
                KafkaColumns.TIMESTAMP);
    }

    /** A row of {@link #columnsOf(Dataset)}; read by position, since a batch has tens of thousands of them. */
    public static KafkaRecord of(Row row) {
        return new KafkaRecord(
                (byte[]) row.get(0),
                (byte[]) row.get(1),
                row.getString(2),
                row.getInt(3),
                row.getLong(4),
                ((Timestamp) row.get(5)).getTime());
    }
}
