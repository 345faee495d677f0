package randomuser.pipeline.stack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Whether a TCP port on 127.0.0.1 is free, and which process listens on it when it is not. */
public final class PortCheck {
    private static final String LISTEN_STATE = "0A";

    private PortCheck() {}

    /** True when nothing listens on 127.0.0.1:port (nor on a wildcard address covering it). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a closed server's TIME_WAIT sockets do not make a port busy
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "pid 123: java -cp ..." for the process listening on the port, when /proc shows it. */
    public static Optional<String> describeOwner(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                inodes.addAll(listeningInodes(Files.readString(Path.of(table)), port));
            } catch (IOException | RuntimeException ignored) {
                // no IPv6 table, or not readable: look at the other one
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> holdsAnySocket(dir, inodes))
                    .findFirst()
                    .map(dir -> {
                        long pid = Long.parseLong(dir.getFileName().toString());
                        return "pid " + pid + ": " + ProcFs.commandLine(pid, 160);
                    });
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Socket inodes of the sockets listening on {@code port} in a /proc/net/tcp(6) table. */
    static Set<String> listeningInodes(String procNetTcp, int port) {
        Set<String> inodes = new HashSet<>();
        String[] lines = procNetTcp.split("\n");
        for (int i = 1; i < lines.length; i++) { // line 0 is the header
            String[] fields = lines[i].trim().split("\\s+");
            if (fields.length < 10 || !LISTEN_STATE.equals(fields[3])) {
                continue;
            }
            String localAddress = fields[1];
            int localPort = Integer.parseInt(localAddress.substring(localAddress.lastIndexOf(':') + 1), 16);
            if (localPort == port) {
                inodes.add(fields[9]);
            }
        }
        return inodes;
    }

    private static boolean holdsAnySocket(Path processDir, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(processDir.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[")
                            && inodes.contains(target.substring("socket:[".length(), target.length() - 1));
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
