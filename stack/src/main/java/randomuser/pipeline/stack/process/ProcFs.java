package randomuser.pipeline.stack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads what Linux tells about a process under /proc. Every method answers "unknown" rather than failing. */
public final class ProcFs {
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {}

    /** Resident memory in KiB (VmRSS), empty when the process is gone or not readable. */
    public static OptionalLong residentKiB(long pid) {
        try {
            return parseVmRssKiB(
                    Files.readString(PROC.resolve(Long.toString(pid)).resolve("status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident memory of a process and all its descendants (e.g. a Spark worker and its executors). */
    public static long residentKiBWithDescendants(long pid) {
        long total = residentKiB(pid).orElse(0);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get()
                    .descendants()
                    .mapToLong(child -> residentKiB(child.pid()).orElse(0))
                    .sum();
        }
        return total;
    }

    static OptionalLong parseVmRssKiB(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** The environment a process was started with; empty when unreadable. */
    public static Map<String, String> environment(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            return parseNulSeparatedEnvironment(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    static Map<String, String> parseNulSeparatedEnvironment(String text) {
        Map<String, String> env = new HashMap<>();
        for (String entry : text.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** The command line's arguments; empty when unreadable. */
    public static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The command line with arguments separated by spaces, cut to {@code maxChars}; empty when unreadable. */
    public static String commandLine(long pid, int maxChars) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            String line =
                    new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            return line.length() <= maxChars ? line : line.substring(0, maxChars) + "...";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
