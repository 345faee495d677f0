package randomuser.pipeline.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @Test
    void keepsTheLastLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");
        assertEquals(List.of("three", "four"), LogTail.lastLines(log, 2));
        assertEquals("last lines of " + log + ":\n  | four", LogTail.excerpt(log, 1));
        Files.writeString(log, "---- run 1\nold\nshutdown\n---- run 2\nnew\n");
        assertEquals("last lines of " + log + ":\n  | ---- run 2\n  | new", LogTail.excerpt(log, 20));
        assertEquals("last lines of " + log + ":\n  | new", LogTail.excerpt(log, 1));
        assertEquals(
                "(" + dir.resolve("none.log") + " is empty or missing)", LogTail.excerpt(dir.resolve("none.log"), 5));
    }
}
