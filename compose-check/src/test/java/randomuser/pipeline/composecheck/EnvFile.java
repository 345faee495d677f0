package randomuser.pipeline.composecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A compose env file ({@code KEY=value} lines, {@code #} comments), in file order. */
final class EnvFile {

    private EnvFile() {}

    static Map<String, String> read(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalStateException(file + ": not a KEY=value line: " + line);
                }
                String key = trimmed.substring(0, equals);
                if (entries.put(key, trimmed.substring(equals + 1)) != null) {
                    throw new IllegalStateException(file + ": " + key + " is set twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
