package randomuser.pipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TestMongoResolverTest {
    private final List<String> asked = new ArrayList<>();

    private TestMongoResolver resolver(Map<String, String> env, boolean localWorks, boolean docker) {
        return new TestMongoResolver(env::get,
                () -> {
                    asked.add("local");
                    if (!localWorks) {
                        throw new IllegalStateException("mvn is missing");
                    }
                    return "mongodb://127.0.0.1:27017";
                },
                () -> {
                    asked.add("docker?");
                    return docker;
                },
                () -> {
                    asked.add("container");
                    return "mongodb://127.0.0.1:32768/test";
                });
    }

    @Test
    void theEnvironmentVariableWinsAndNothingIsStarted() {
        TestMongo mongo = resolver(Map.of("MONGODB_URI", "mongodb://db.example:27017"), true, true).resolve();
        assertEquals(new TestMongo("mongodb://db.example:27017", "MONGODB_URI"), mongo);
        assertEquals(List.of(), asked);
    }

    @Test
    void otherwiseTheLocalStacksServer() {
        assertEquals(new TestMongo("mongodb://127.0.0.1:27017", "local stack"), resolver(Map.of(), true, true).resolve());
        assertEquals(List.of("local"), asked);
    }

    @Test
    void thenAContainerWhereDockerExists() {
        assertEquals(new TestMongo("mongodb://127.0.0.1:32768/test", "Testcontainers mongo:7"),
                resolver(Map.of(), false, true).resolve());
        assertEquals(List.of("local", "docker?", "container"), asked);
    }

    @Test
    void withNoneItFailsWithTheReasonsInsteadOfSkipping() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolver(Map.of(), false, false).resolve());
        assertEquals("no MongoDB for the tests: MONGODB_URI is not set, the local stack's server could not be started "
                + "(mvn is missing), and there is no Docker engine for Testcontainers. Start the local server "
                + "(./pipeline up --no-trigger) or set MONGODB_URI.", e.getMessage());
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        assertEquals("local stack", resolver(Map.of("MONGODB_URI", " "), true, false).resolve().source());
    }
}
