package randomuser.pipeline.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code password=CHARSETS,MIN-MAX} option, parsed as the live server does: the last comma item
 * is the length; a length outside 1..64 (or not a number) falls back to 8 for the minimum and 64 for
 * the maximum; without a known charset the password comes from the common list.
 */
record PasswordOption(String charset, int minLength, int maxLength) {

    private static final String SPECIAL = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String NUMBER = "0123456789";

    /** The option, or null when passwords come from the common list. */
    static PasswordOption parse(String option) {
        if (option == null || option.isEmpty()) {
            return null;
        }
        String[] items = option.split(",", -1);
        List<String> sets = new ArrayList<>();
        for (String item : items) {
            if (charsetOf(item) != null && !sets.contains(item)) {
                sets.add(item);
            }
        }
        if (sets.isEmpty()) {
            return null;
        }
        StringBuilder charset = new StringBuilder();
        sets.forEach(s -> charset.append(charsetOf(s)));

        String length = items[items.length - 1];
        double min;
        double max;
        if (length.contains("-")) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (String part : length.split("-", -1)) {
                double n = JsNumbers.parse(part);
                min = Double.isNaN(n) || Double.isNaN(min) ? Double.NaN : Math.min(min, n);
                max = Double.isNaN(n) || Double.isNaN(max) ? Double.NaN : Math.max(max, n);
            }
        } else {
            min = JsNumbers.parse(length);
            max = min;
        }
        if (Double.isNaN(min) || min > 64 || min < 1) {
            min = 8;
        }
        if (Double.isNaN(max) || max > 64 || max < 1 || max < min) {
            max = 64;
        }
        return new PasswordOption(charset.toString(), (int) Math.floor(min), (int) Math.floor(max));
    }

    String generate(SeededRandom rng) {
        return rng.chars(charset, rng.range(minLength, maxLength));
    }

    private static String charsetOf(String name) {
        return switch (name) {
            case "special" -> SPECIAL;
            case "upper" -> UPPER;
            case "lower" -> LOWER;
            case "number" -> NUMBER;
            default -> null;
        };
    }
}
