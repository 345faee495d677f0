package randomuser.pipeline.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcFsTest {
    @Test
    void readsVmRssInKiB() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  345678 kB\nThreads:\t90\n";
        assertEquals(OptionalLong.of(345678), ProcFs.parseVmRssKiB(status));
        assertEquals(OptionalLong.empty(), ProcFs.parseVmRssKiB("Name:\tkthreadd\n"));
    }

    @Test
    void readsThisProcessFromProc() {
        long self = ProcessHandle.current().pid();
        assertTrue(ProcFs.residentKiB(self).orElseThrow() > 10_000);
        assertEquals(System.getenv("PATH"), ProcFs.environment(self).get("PATH"));
        assertTrue(ProcFs.commandLine(self, 1000).contains("java"));
    }

    @Test
    void splitsANulSeparatedEnvironment() {
        assertEquals(Map.of("A", "1", "B", "x=y"), ProcFs.parseNulSeparatedEnvironment("A=1\0B=x=y\0\0"));
    }
}
