package randomuser.pipeline.emulator;

/**
 * Fills format templates such as {@code (0##) @##-####}: {@code #} is a digit, {@code @} an upper-case
 * letter, {@code [2-9]} or {@code [789]} one character of the class, {@code {66|67}} one of the
 * alternatives; anything else is copied.
 */
final class Template {

    private Template() {}

    static String fill(String template, SeededRandom rng) {
        StringBuilder out = new StringBuilder(template.length() + 4);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            switch (c) {
                case '#' -> {
                    out.append((char) ('0' + rng.nextInt(10)));
                    i++;
                }
                case '@' -> {
                    out.append((char) ('A' + rng.nextInt(26)));
                    i++;
                }
                case '[' -> {
                    int end = template.indexOf(']', i);
                    out.append(rng.pick(expandClass(template.substring(i + 1, end))));
                    i = end + 1;
                }
                case '{' -> {
                    int end = template.indexOf('}', i);
                    String[] choices = template.substring(i + 1, end).split("\\|");
                    out.append(choices[rng.nextInt(choices.length)]);
                    i = end + 1;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** {@code 2-9} → {@code 23456789}; {@code 789} stays. */
    private static String expandClass(String spec) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                for (char c = spec.charAt(i); c <= spec.charAt(i + 2); c++) {
                    chars.append(c);
                }
                i += 2;
            } else {
                chars.append(spec.charAt(i));
            }
        }
        return chars.toString();
    }
}
