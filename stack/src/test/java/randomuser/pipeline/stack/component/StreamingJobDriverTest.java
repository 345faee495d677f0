package randomuser.pipeline.stack.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import randomuser.pipeline.catalogue.Facet;
import randomuser.pipeline.stack.StackLayout;

class StreamingJobDriverTest {
    private static final Path ROOT = Path.of("/p");

    @Test
    void theDriverIsSparkSubmitInClientModeWithOneCoreAndTheFacetsFoldersRunByTheRestartScript() {
        StreamingJobDriver driver = new StreamingJobDriver(StackLayout.at(ROOT), Facet.LOCATION);
        List<String> expected = new ArrayList<>(List.of(
                "bash",
                "/p/.local/bin/restart-on-failure.sh",
                "/p/var/run/job-location.restarts",
                "3",
                "/p/var/logs/job-location.log",
                StackLayout.javaExecutable().toString(),
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=/p/.local/spark/conf/streaming-job-log4j2.properties",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Xms32m",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                "/p/.local/spark/conf/:/p/.local/spark/jars/*",
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                "spark://127.0.0.1:7077",
                "--deploy-mode",
                "client",
                "--name",
                "job-location",
                "--conf",
                "spark.cores.max=1",
                "--conf",
                "spark.executor.cores=1",
                "--conf",
                "spark.executor.memory=512m",
                "--conf",
                "spark.executor.extraJavaOptions=-XX:+UseSerialGC -Xms128m -Xmn48m",
                "--conf",
                "spark.driver.memory=512m",
                "--conf",
                "spark.ui.enabled=false",
                "--class",
                "randomuser.pipeline.streaming.StreamingJob",
                "/p/spark-streaming/target/spark-streaming.jar",
                "--facet",
                "location",
                "--checkpoint-dir",
                "/p/var/checkpoints/location",
                "--status-file",
                "/p/var/checkpoints/status/location.json"));
        assertEquals(expected, driver.command(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED")));
    }

    @Test
    void withTheJvmDefaultsTheDriverAndExecutorGetNoFootprintFlagsButTheSameHeapBound() {
        StreamingJobSubmission submission = StreamingJobSubmission.ofStack(StackLayout.at(ROOT), Facet.LOCATION);
        List<String> small = submission.command(List.of());
        List<String> defaults = submission.withJvmDefaults().command(List.of());

        List<String> removed = new ArrayList<>(small);
        removed.removeAll(defaults);
        assertEquals(
                List.of(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xms32m",
                        "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=30",
                        "spark.executor.extraJavaOptions=-XX:+UseSerialGC -Xms128m -Xmn48m"),
                removed);
        assertEquals(
                small.size() - removed.size() - 1, defaults.size(), "and the --conf before the executor's options");
        assertTrue(defaults.contains("-Xmx512m"));
        assertEquals("2", submission.environment().get("MALLOC_ARENA_MAX"));
        assertFalse(submission.withJvmDefaults().environment().containsKey("MALLOC_ARENA_MAX"));
    }

    @Test
    void theJobReadsAndWritesTheLocalStack() {
        Map<String, String> env = new StreamingJobDriver(StackLayout.at(ROOT), Facet.PROFILE).environment();
        assertEquals("127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("mongodb://127.0.0.1:27017", env.get("MONGODB_URI"));
        assertEquals("/p/.local/spark", env.get("SPARK_HOME"));
        assertEquals("2.12", env.get("SPARK_SCALA_VERSION"));
    }

    @Test
    void namesFollowTheFacets() {
        StreamingJobDriver driver = new StreamingJobDriver(StackLayout.at(ROOT), Facet.IDENTITY);
        assertEquals("job-identity", driver.name());
        assertEquals(List.of(), driver.component().ports());
        assertEquals("randomuser.identities -> randomuser.identities", driver.address());
        assertEquals(Path.of("/p/var/checkpoints/status/identity.json"), driver.statusFile());
    }
}
