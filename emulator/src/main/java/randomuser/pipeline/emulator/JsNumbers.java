package randomuser.pipeline.emulator;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * JavaScript's {@code Number(string)} and {@code String(number)}, as far as the live server's
 * parameter handling depends on them ({@code results}, {@code page}, and the page suffix of the seed).
 */
final class JsNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern RADIX = Pattern.compile("0([xXoObB])([0-9a-fA-F]+)");

    private JsNumbers() {}

    /** {@code Number(text)}: NaN when JavaScript would give NaN; empty or blank text is 0. */
    static double parse(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return 0;
        }
        switch (s) {
            case "Infinity":
            case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        var radix = RADIX.matcher(s);
        if (radix.matches()) {
            int base = switch (Character.toLowerCase(radix.group(1).charAt(0))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            try {
                return new java.math.BigInteger(radix.group(2), base).doubleValue();
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** {@code String(number)} for the finite values the emulator needs to print. */
    static String toString(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (Math.abs(value) >= 1e-6) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        // JavaScript switches to exponent form below 1e-6: 1e-7, 1.5e-7
        String java = Double.toString(value); // e.g. 1.5E-7
        String mantissa = java.substring(0, java.indexOf('E'));
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + java.substring(java.indexOf('E') + 1);
    }

    static boolean isInteger(double value) {
        return !Double.isInfinite(value) && value == Math.rint(value);
    }
}
