package randomuser.pipeline.stack.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code restart-on-failure.sh}, which keeps a stack job's driver running, records about it: whether it
 * runs, waits to restart or was given up, how often it restarted, and its last exit.
 *
 * @param state           running, restarting, failed (given up after its restarts in a row) or stopped
 * @param restarts        restarts since the job was started by {@code ./pipeline up}
 * @param restartsInARow  restarts since the last run that lasted (the budget counts these)
 * @param maxRestarts     the budget of restarts in a row
 * @param lastExit        the last failed driver's exit code
 * @param lastExitAt      when it ended (ISO-8601, UTC), or empty
 * @param lastError       the driver's last error line before it ended, or empty
 */
public record JobRestarts(
        String state,
        int restarts,
        int restartsInARow,
        int maxRestarts,
        OptionalInt lastExit,
        String lastExitAt,
        String lastError) {

    /** The record file's content; empty when there is none or it cannot be read. */
    public static Optional<JobRestarts> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(parse(Files.readString(file))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static JobRestarts parse(String keyValueLines) {
        Map<String, String> values = new HashMap<>();
        keyValueLines.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        });
        String exit = values.getOrDefault("last_exit", "");
        return new JobRestarts(
                values.getOrDefault("state", "unknown"),
                number(values.get("restarts")),
                number(values.get("restarts_in_a_row")),
                number(values.get("max_restarts")),
                exit.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(exit)),
                values.getOrDefault("last_exit_at", ""),
                values.getOrDefault("last_error", ""));
    }

    private static int number(String value) {
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    public boolean failed() {
        return "failed".equals(state);
    }

    public boolean restarting() {
        return "restarting".equals(state);
    }

    /** "exit 137 (SIGKILL) at 2026-12-05T03:12:04Z: error line", or "" before the first failure. */
    public String lastExitDescription() {
        if (lastExit.isEmpty()) {
            return "";
        }
        int code = lastExit.getAsInt();
        return "exit " + code + signalName(code) + (lastExitAt.isEmpty() ? "" : " at " + lastExitAt)
                + (lastError.isEmpty() ? "" : ": " + lastError);
    }

    /** A shell reports death by signal N as exit 128 + N. */
    private static String signalName(int code) {
        return switch (code) {
            case 134 -> " (SIGABRT)";
            case 137 -> " (SIGKILL)";
            case 143 -> " (SIGTERM)";
            default -> "";
        };
    }
}
