package randomuser.pipeline.fetcher.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Short one-line excerpts of response bodies for error messages (an HTML error page is long and multi-line). */
public final class Snippets {

    private static final int MAX_CHARS = 100;

    private Snippets() {}

    public static String of(byte[] body) {
        byte[] head = Arrays.copyOf(body, Math.min(body.length, MAX_CHARS * 4));
        return of(new String(head, StandardCharsets.UTF_8));
    }

    public static String of(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "(empty body)";
        }
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS) + "...";
    }
}
