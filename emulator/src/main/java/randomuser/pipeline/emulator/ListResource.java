package randomuser.pipeline.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a word-list resource: {@code [section]} headers, one entry per line, {@code #} comments.
 * Entries keep their inner spaces; lines are not trimmed beyond the line break.
 */
final class ListResource {

    private ListResource() {}

    /** The sections of {@code lists/<name>.txt}; empty when the resource does not exist. */
    static Map<String, List<String>> read(String name) {
        String path = "lists/" + name + ".txt";
        try (InputStream in = ListResource.class.getResourceAsStream(path)) {
            if (in == null) {
                return Map.of();
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + path, e);
        }
    }

    private static Map<String, List<String>> parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                sections.put(line.substring(1, line.length() - 1), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        sections.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(sections);
    }
}
