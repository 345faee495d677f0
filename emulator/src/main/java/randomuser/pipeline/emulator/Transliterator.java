package randomuser.pipeline.emulator;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a name into the Latin letters of an e-mail address, as the live server's {@code transliterate}
 * does: accents are dropped, Cyrillic and Persian letters are romanised, then the caller removes spaces
 * and lower-cases. Persian short vowels are not written, so {@code سمانه نجتی} gives {@code smanh.njty}.
 */
final class Transliterator {

    private static final Map<Character, String> LETTERS = new HashMap<>();

    static {
        // Latin letters that do not decompose into base letter + accent
        put("ß", "ss");
        put("æ", "ae");
        put("Æ", "AE");
        put("ø", "o");
        put("Ø", "O");
        put("đ", "d");
        put("Đ", "D");
        put("ł", "l");
        put("Ł", "L");
        put("ı", "i");
        put("þ", "th");
        put("ð", "d");
        put("œ", "oe");
        put("Œ", "OE");
        // Cyrillic (Ukrainian and Russian letters)
        String[][] cyrillic = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "h"}, {"ґ", "g"}, {"д", "d"}, {"е", "e"},
            {"є", "ie"}, {"ж", "zh"}, {"з", "z"}, {"и", "y"}, {"і", "i"}, {"ї", "i"}, {"й", "i"},
            {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"},
            {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"},
            {"ш", "sh"}, {"щ", "shch"}, {"ь", ""}, {"ю", "iu"}, {"я", "ia"}, {"ё", "e"}, {"ы", "y"},
            {"э", "e"}, {"ъ", ""}, {"'", ""}, {"ʼ", ""}, {"’", ""}
        };
        for (String[] pair : cyrillic) {
            put(pair[0], pair[1]);
            String upper = pair[0].toUpperCase(Locale.ROOT);
            if (!upper.equals(pair[0])) {
                put(upper, pair[1]);
            }
        }
        // Persian and Arabic letters
        String[][] persian = {
            {"ا", "a"},
            {"آ", "a"},
            {"أ", "a"},
            {"إ", "a"},
            {"ب", "b"},
            {"پ", "p"},
            {"ت", "t"},
            {"ث", "th"},
            {"ج", "j"},
            {"چ", "ch"},
            {"ح", "h"},
            {"خ", "kh"},
            {"د", "d"},
            {"ذ", "dh"},
            {"ر", "r"},
            {"ز", "z"},
            {"ژ", "zh"},
            {"س", "s"},
            {"ش", "sh"},
            {"ص", "s"},
            {"ض", "d"},
            {"ط", "t"},
            {"ظ", "z"},
            {"ع", ""},
            {"غ", "gh"},
            {"ف", "f"},
            {"ق", "q"},
            {"ک", "k"},
            {"ك", "k"},
            {"گ", "g"},
            {"ل", "l"},
            {"م", "m"},
            {"ن", "n"},
            {"و", "w"},
            {"ؤ", "w"},
            {"ه", "h"},
            {"ة", "h"},
            {"ی", "y"},
            {"ي", "y"},
            {"ئ", "y"},
            {"ء", ""},
            {"\u200c", ""},
            {"\u064b", ""},
            {"\u064e", ""},
            {"\u0650", ""},
            {"\u064f", ""}
        };
        for (String[] pair : persian) {
            put(pair[0], pair[1]);
        }
    }

    private Transliterator() {}

    private static void put(String letter, String latin) {
        LETTERS.put(letter.charAt(0), latin);
    }

    static String toLatin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
                continue;
            }
            String latin = LETTERS.get(c);
            if (latin != null) {
                out.append(latin);
                continue;
            }
            // an accented Latin letter: keep its base letter, drop the accent; anything else is dropped
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            for (int j = 0; j < decomposed.length(); j++) {
                if (decomposed.charAt(j) < 0x80) {
                    out.append(decomposed.charAt(j));
                }
            }
        }
        return out.toString();
    }

    /** {@code first.last@example.com} with spaces removed, lower-cased. */
    static String email(String first, String last) {
        return toLatin(first + "." + last).replace(" ", "").toLowerCase(Locale.ROOT) + "@example.com";
    }
}
