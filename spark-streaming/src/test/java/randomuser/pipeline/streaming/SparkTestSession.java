package randomuser.pipeline.streaming;

import org.apache.spark.sql.SparkSession;

/** One local SparkSession for every test class in the JVM: starting Spark is the slow part. */
final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {}

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("spark-streaming-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    // Only affects how tests render timestamps as text; stored values are instants.
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
        }
        return session;
    }
}
