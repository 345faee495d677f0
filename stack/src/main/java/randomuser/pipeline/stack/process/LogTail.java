package randomuser.pipeline.stack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, read from its end so that a big log costs nothing. */
public final class LogTail {
    private static final int MAX_BYTES = 64 * 1024;
    /** Written by the stack before each run of a process or install command into its log. */
    public static final String RUN_MARKER = "---- ";

    private LogTail() {}

    public static List<String> lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            return lastLines(new String(bytes, StandardCharsets.UTF_8), count);
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> lastLines(String text, int count) {
        String[] lines = text.split("\r?\n");
        List<String> result = new ArrayList<>();
        for (int i = Math.max(0, lines.length - count); i < lines.length; i++) {
            result.add(lines[i]);
        }
        return result;
    }

    /**
     * The last lines written since the last run marker ("---- <time> ..."): a log collects every start of
     * its process, and an error message should show this start's lines, not the previous shutdown's.
     */
    static List<String> lastLinesOfLastRun(List<String> lines, int count) {
        int from = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(RUN_MARKER)) {
                from = i;
                break;
            }
        }
        return lines.subList(Math.max(from, lines.size() - count), lines.size());
    }

    /** "last lines of <file>:" followed by this run's last lines, indented, for error messages. */
    public static String excerpt(Path file, int count) {
        List<String> lines = lastLinesOfLastRun(lastLines(file, 1000), count);
        if (lines.isEmpty()) {
            return "(" + file + " is empty or missing)";
        }
        StringBuilder text = new StringBuilder("last lines of " + file + ":");
        for (String line : lines) {
            text.append("\n  | ").append(line);
        }
        return text.toString();
    }
}
