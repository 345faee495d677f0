package randomuser.pipeline.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortCheckTest {
    @Test
    void aListeningPortIsBusyAndItsOwnerIsThisProcess() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = server.getLocalPort();
            assertFalse(PortCheck.isFree(port));
            String owner = PortCheck.describeOwner(port).orElseThrow();
            assertTrue(owner.startsWith("pid " + ProcessHandle.current().pid() + ": "), owner);
            assertTrue(owner.contains("java"), owner);
        }
        assertTrue(PortCheck.isFree(port));
    }

    @Test
    void findsTheListeningSocketsOfAPortInTheProcTable() {
        String table = String.join(
                "\n",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:4A84 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0",
                "   1: 0100007F:4A84 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0",
                "   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0",
                "");
        assertEquals(Set.of("111"), PortCheck.listeningInodes(table, 19076)); // 0x4A84; the ESTABLISHED row is ignored
        assertEquals(Set.of("333"), PortCheck.listeningInodes(table, 8080));
        assertEquals(Set.of(), PortCheck.listeningInodes(table, 27017));
    }
}
