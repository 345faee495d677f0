package randomuser.pipeline.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {
    @Test
    void theRootIsTheNearestFolderWithPipelineAndPom(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pipeline"), "#!/bin/sh");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(dir.resolve("fetcher/src"));
        Files.writeString(dir.resolve("fetcher/pom.xml"), "<project/>"); // a module pom alone is not the root
        assertEquals(dir.toRealPath(), StackLayout.findProjectRoot(module).toRealPath());
    }

    @Test
    void noRootIsAClearFailure(@TempDir Path dir) {
        StackException e = assertThrows(StackException.class, () -> StackLayout.findProjectRoot(dir));
        assertTrue(e.getMessage().startsWith("cannot find the project root"), e.getMessage());
    }

    @Test
    void everythingLivesUnderLocalAndVar() {
        StackLayout layout = StackLayout.at(Path.of("/p"));
        assertEquals(Path.of("/p/.local/kafka/libs"), layout.kafkaLibs());
        assertEquals(Path.of("/p/.local/spark"), layout.sparkHome());
        assertEquals(Path.of("/p/mongodb-server/target/mongodb-server.jar"), layout.mongoServerJar());
        assertEquals(Path.of("/p/.local/mongodb-server/mongodb-server.jar"), layout.mongoServerRunJar());
        assertEquals(Path.of("/p/var/mongodb/data.mv.db"), layout.mongoDataFile());
        assertEquals(Path.of("/p/var/logs/kafka-2.log"), layout.logFile("kafka-2"));
        assertEquals(Path.of("/p/var/run/kafka-2.pid"), layout.pidFile("kafka-2"));
        assertEquals(Path.of("/p/tools/mongosh/node_modules/.bin/mongosh"), layout.mongoShell());
    }

    @Test
    void theStateFolderCanMoveAndTheTestStackHasItsOwn() {
        StackLayout layout = StackLayout.at(Path.of("/p"));
        assertEquals(Path.of("/p/var"), layout.stateDir());
        assertEquals(
                Path.of("/p/elsewhere/run/kafka-2.pid"),
                layout.withStateDir(Path.of("elsewhere")).pidFile("kafka-2"));
        assertEquals(
                Path.of("/tmp/s/logs/kafka-2.log"),
                layout.withStateDir(Path.of("/tmp/s")).logFile("kafka-2"));
        StackLayout tests = layout.withStateDir(Path.of("/tmp/s")).forTests();
        assertEquals(Path.of("/p/var/test-stack"), tests.stateDir());
        assertEquals(Path.of("/p/var/test-stack/mongodb/data.mv.db"), tests.mongoDataFile());
        assertEquals(layout.kafkaLibs(), tests.kafkaLibs());
        assertTrue(tests.isForTests());
        assertFalse(layout.isForTests());
    }
}
