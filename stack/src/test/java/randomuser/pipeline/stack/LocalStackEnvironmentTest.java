package randomuser.pipeline.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackEnvironmentTest {
    @Test
    void aProcessStartedOnTheTestStackIsToldItsStateFolderAndItsServersOverWhatTheShellHad() {
        LocalStack testStack = LocalStack.of(StackLayout.at(Path.of("/p")).forTests());
        Map<String, String> environment =
                new HashMap<>(Map.of("MONGODB_URI", "mongodb://users-own-cluster:27017", "PATH", "/usr/bin"));
        testStack.nameIn(environment);
        assertEquals(
                Map.of(
                        "PIPELINE_STATE_DIR",
                        "/p/var/test-stack",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "127.0.0.1:19092,127.0.0.1:19192,127.0.0.1:19292",
                        "MONGODB_URI",
                        "mongodb://127.0.0.1:27017",
                        "SPARK_MASTER_URL",
                        "spark://127.0.0.1:7077",
                        "PATH",
                        "/usr/bin"),
                environment);
    }
}
