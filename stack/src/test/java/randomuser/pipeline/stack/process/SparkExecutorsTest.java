package randomuser.pipeline.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SparkExecutorsTest {
    @Test
    void findsTheApplicationOnAnExecutorsCommandLine() {
        assertEquals(
                Optional.of("app-20261121215130-0005"),
                SparkExecutors.applicationOf(List.of(
                        "java",
                        "-cp",
                        "x",
                        "org.apache.spark.executor.CoarseGrainedExecutorBackend",
                        "--driver-url",
                        "spark://CoarseGrainedScheduler@127.0.0.1:42439",
                        "--executor-id",
                        "0",
                        "--hostname",
                        "127.0.0.1",
                        "--cores",
                        "1",
                        "--app-id",
                        "app-20261121215130-0005",
                        "--worker-url",
                        "spark://Worker@127.0.0.1:38257")));
        assertEquals(Optional.empty(), SparkExecutors.applicationOf(List.of("sleep", "60")));
        assertEquals(Optional.empty(), SparkExecutors.applicationOf(List.of("x", "--app-id")));
    }
}
