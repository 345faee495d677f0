package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EmulatorMainTest {

    @Test
    void badFlagIsExitTwoWithOneLine() {
        Captured run = run("--port", "nope");
        assertEquals(2, run.exitCode);
        assertEquals("emulator: Invalid value for option '--port': 'nope' is not an int (see --help)\n", run.err);
    }

    @Test
    void portOutOfRangeIsExitTwo() {
        Captured run = run("--port", "70000");
        assertEquals(2, run.exitCode);
        assertEquals("emulator: --port must be between 0 and 65535, got 70000\n", run.err);
    }

    @Test
    void busyPortIsExitOneWithoutStackTrace() {
        try (RandomUserEmulator busy = RandomUserEmulator.start("127.0.0.1", 0)) {
            Captured run = run("--host", "127.0.0.1", "--port", Integer.toString(busy.port()));
            assertEquals(1, run.exitCode);
            assertTrue(run.err.startsWith("emulator: cannot listen on 127.0.0.1:" + busy.port() + ": "), run.err);
            assertEquals(1, run.err.lines().count(), run.err);
        }
    }

    private record Captured(int exitCode, String err) {}

    private static Captured run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EmulatorMain.run(args);
            return new Captured(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
