package randomuser.pipeline.streaming;

/** Column names of the Spark Kafka source that the job reads. */
public final class KafkaColumns {

    public static final String KEY = "key";
    public static final String VALUE = "value";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";
    public static final String TIMESTAMP = "timestamp";

    private KafkaColumns() {}
}
