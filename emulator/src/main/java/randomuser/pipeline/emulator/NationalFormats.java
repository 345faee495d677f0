package randomuser.pipeline.emulator;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-nationality phone, cell, id and postcode formats of live API v1.4 (see the API notes, §6).
 * Templates use the {@link Template} syntax.
 */
final class NationalFormats {

    /** What an id generator may depend on: the user's gender, last name and date of birth. */
    record Person(boolean male, String lastName, long dobMillis) {
        LocalDateTime dob() {
            return IsoDates.utc(dobMillis);
        }
    }

    @FunctionalInterface
    interface IdValue {
        /** The {@code id.value}, or null where the live API gives null. */
        String generate(SeededRandom rng, Person person);
    }

    @FunctionalInterface
    interface PostcodeSource {
        User.Postcode generate(SeededRandom rng, NationalityPools pools);
    }

    record Format(List<String> phones, List<String> cells, IdValue id, PostcodeSource postcode) {
        String phone(SeededRandom rng) {
            return Template.fill(rng.pick(phones), rng);
        }

        String cell(SeededRandom rng) {
            return Template.fill(rng.pick(cells), rng);
        }
    }

    private static final Map<Nationality, Format> FORMATS = new EnumMap<>(Nationality.class);

    static {
        PostcodeSource fiveDigits = integer(10000, 99999);
        define(Nationality.AU, "0#-####-####", "04##-###-###", template("#########"), integer(200, 9999));
        define(Nationality.BR, "(##) ####-####", "(##) ####-####", template("###.###.###-##"), fiveDigits);
        define(Nationality.CA, "@## @##-####", "@## @##-####", NationalFormats::canadianSin, text("@#@ #@#"));
        define(Nationality.CH, "07# ### ## ##", "07# ### ## ##", template("756.####.####.##"), integer(1000, 9999));
        define(Nationality.DE, "0###-#######", "017#-#######", NationalFormats::germanSvnr, fiveDigits);
        define(Nationality.DK, "########", "########", NationalFormats::danishCpr, fiveDigits);
        define(Nationality.ES, "9##-###-###", "6##-###-###", NationalFormats::spanishDni, fiveDigits);
        // The live HETU generator reads a date from an object and prints NaN/undefined around 3 digits.
        define(Nationality.FI, "0#-###-###", "04#-###-##-##", template("NaNNA###undefined"), fiveDigits);
        define(Nationality.FR, "0[1-5]-##-##-##-##", "06-##-##-##-##", NationalFormats::frenchInsee, fiveDigits);
        FORMATS.put(
                Nationality.GB,
                new Format(
                        List.of("0##### #####", "0## #### ####", "0### ### ####"),
                        List.of("07### ######"),
                        template("@@ ## ## ## @"),
                        text("@#@ #@@", "@@#@ #@@", "@@# #@@", "@# #@@", "@@## #@@")));
        // The live PPS never gets its trailing 'A' (a date bug), so 7 digits and the check letter.
        define(Nationality.IE, "0#1-###-####", "081-###-####", NationalFormats::irishPps, fiveDigits);
        define(Nationality.IN, "[789]#########", "[789]#########", template("############"), fiveDigits);
        define(Nationality.IR, "0##-########", "09##-###-####", nullId(), fiveDigits);
        define(Nationality.MX, "(6##) ### ####", "(6##) ### ####", template("## ## ## #### #"), fiveDigits);
        define(Nationality.NL, "(0###) ######", "(06) ########", template("########"), text("[1-9]### @@"));
        define(
                Nationality.NO,
                "########",
                "########",
                NationalFormats::norwegianFn,
                (rng, pools) -> User.Postcode.of(rng.pick(pools.postcodes())));
        define(Nationality.NZ, "(###)-###-####", "(###)-###-####", nullId(), fiveDigits);
        define(Nationality.RS, "0[123]#-####-###", "06#-####-###", template("#########"), fiveDigits);
        define(Nationality.TR, "(###)-###-####", "(###)-###-####", nullId(), fiveDigits);
        define(
                Nationality.UA,
                "(0{66|67|68|96|97|98|99}) @##-####",
                "(0{66|67|68|96|97|98|99}) @##-####",
                nullId(),
                fiveDigits);
        define(Nationality.US, "([2-9]##) [2-9]##-####", "([2-9]##) [2-9]##-####", NationalFormats::usSsn, fiveDigits);
    }

    private NationalFormats() {}

    static Format of(Nationality nat) {
        return FORMATS.get(nat);
    }

    private static void define(Nationality nat, String phone, String cell, IdValue id, PostcodeSource postcode) {
        FORMATS.put(nat, new Format(List.of(phone), List.of(cell), id, postcode));
    }

    private static IdValue template(String template) {
        return (rng, person) -> Template.fill(template, rng);
    }

    private static IdValue nullId() {
        return (rng, person) -> null;
    }

    private static PostcodeSource integer(int min, int max) {
        return (rng, pools) -> User.Postcode.of(rng.range(min, max));
    }

    private static PostcodeSource text(String... templates) {
        List<String> choices = List.of(templates);
        return (rng, pools) -> User.Postcode.of(Template.fill(rng.pick(choices), rng));
    }

    /** JavaScript's {@code Date.getYear()}: years since 1900, so 2001 gives 101 (the live ids show it). */
    private static int jsYear(LocalDateTime date) {
        return date.getYear() - 1900;
    }

    private static String pad2(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** Nine digits whose weighted digit sum (weights 1,2,1,2,...) is a multiple of ten. */
    private static String canadianSin(SeededRandom rng, Person person) {
        String body = rng.digits(8);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int product = (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product >= 10 ? product - 9 : product;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static final List<String> PENSION_INSTITUTES = List.of(
            "02", "03", "04", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "23",
            "24", "25", "26", "28", "29", "38", "39", "40", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51",
            "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66", "67", "68", "69",
            "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82", "89");

    /** e.g. {@code 26 240387 W 820}: institute, birth date, last-name initial, serial (00-49 men, 50-99 women). */
    private static String germanSvnr(SeededRandom rng, Person person) {
        LocalDateTime dob = person.dob();
        String institute = rng.pick(PENSION_INSTITUTES);
        int serial = person.male() ? rng.range(0, 49) : rng.range(50, 99);
        return institute + " " + pad2(dob.getDayOfMonth()) + pad2(dob.getMonthValue()) + jsYear(dob) + " "
                + person.lastName().charAt(0) + " " + pad2(serial) + rng.nextInt(10);
    }

    /** e.g. {@code 031253-6058}: birth date (DDMM + getYear) and four digits. */
    private static String danishCpr(SeededRandom rng, Person person) {
        LocalDateTime dob = person.dob();
        return pad2(dob.getDayOfMonth()) + pad2(dob.getMonthValue()) + jsYear(dob) + "-" + rng.digits(4);
    }

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** e.g. {@code 17858741-Z}: eight digits and their check letter. */
    private static String spanishDni(SeededRandom rng, Person person) {
        String number = rng.digits(8);
        return number + "-" + DNI_LETTERS.charAt(Integer.parseInt(number) % 23);
    }

    /**
     * e.g. {@code 2920493089248 18}: sex, birth year (getYear), birth month counted from 0 as live,
     * eight digits, then the key 97 - (number mod 97).
     */
    private static String frenchInsee(SeededRandom rng, Person person) {
        LocalDateTime dob = person.dob();
        String number = (person.male() ? "1" : "2") + jsYear(dob) + pad2(dob.getMonthValue() - 1) + rng.digits(8);
        long key = 97 - Long.parseLong(number) % 97;
        return number + " " + pad2((int) key);
    }

    private static final String PPS_LETTERS = "WABCDEFGHIJKLMNOPQRSTUV";

    /** e.g. {@code 9794987T}: seven digits and their check letter. */
    private static String irishPps(SeededRandom rng, Person person) {
        String digits = rng.digits(7);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        return digits + PPS_LETTERS.charAt(sum % 23);
    }

    /** e.g. {@code 18094907043}: birth date DDMMYY and five digits. */
    private static String norwegianFn(SeededRandom rng, Person person) {
        LocalDateTime dob = person.dob();
        return pad2(dob.getDayOfMonth()) + pad2(dob.getMonthValue()) + pad2(dob.getYear() % 100) + rng.digits(5);
    }

    private static final Pattern VALID_SSN =
            Pattern.compile("^(?!219-09-9999|078-05-1120)(?!666|000|9\\d{2})\\d{3}-(?!00)\\d{2}-(?!0{4})\\d{4}$");

    /** A valid-looking SSN: no area 000, 666 or 9xx, no group 00, no serial 0000. */
    private static String usSsn(SeededRandom rng, Person person) {
        String ssn;
        do {
            ssn = rng.digits(3) + "-" + rng.digits(2) + "-" + rng.digits(4);
        } while (!VALID_SSN.matcher(ssn).matches());
        return ssn;
    }
}
