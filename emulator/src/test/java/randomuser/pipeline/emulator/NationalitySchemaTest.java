package randomuser.pipeline.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every v1.4 nationality's JSON types and formats (the API notes, §4 and §6). */
@Timeout(120)
class NationalitySchemaTest {

    private static final int USERS = 300;

    /** phone, cell, id.value (null: JSON null) and postcode (null: an integer in the range below). */
    private record Formats(String phone, String cell, String id, String postcode, int postcodeMin, int postcodeMax) {}

    private static final Map<Nationality, Formats> FORMATS = new EnumMap<>(Map.ofEntries(
            Map.entry(Nationality.AU, ints("0\\d-\\d{4}-\\d{4}", "04\\d{2}-\\d{3}-\\d{3}", "\\d{9}", 200, 9999)),
            Map.entry(
                    Nationality.BR,
                    ints(
                            "\\(\\d{2}\\) \\d{4}-\\d{4}",
                            "\\(\\d{2}\\) \\d{4}-\\d{4}", "\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}", 10000, 99999)),
            Map.entry(
                    Nationality.CA,
                    new Formats(
                            "[A-Z]\\d{2} [A-Z]\\d{2}-\\d{4}",
                            "[A-Z]\\d{2} [A-Z]\\d{2}-\\d{4}", "\\d{9}", "[A-Z]\\d[A-Z] \\d[A-Z]\\d", 0, 0)),
            Map.entry(
                    Nationality.CH,
                    ints(
                            "07\\d \\d{3} \\d{2} \\d{2}",
                            "07\\d \\d{3} \\d{2} \\d{2}", "756\\.\\d{4}\\.\\d{4}\\.\\d{2}", 1000, 9999)),
            Map.entry(
                    Nationality.DE,
                    ints("0\\d{3}-\\d{7}", "017\\d-\\d{7}", "\\d{2} \\d{6,7} \\S \\d{3}", 10000, 99999)),
            Map.entry(Nationality.DK, ints("\\d{8}", "\\d{8}", "\\d{6,7}-\\d{4}", 10000, 99999)),
            Map.entry(
                    Nationality.ES,
                    ints("9\\d{2}-\\d{3}-\\d{3}", "6\\d{2}-\\d{3}-\\d{3}", "\\d{8}-[A-Z]", 10000, 99999)),
            Map.entry(
                    Nationality.FI,
                    ints("0\\d-\\d{3}-\\d{3}", "04\\d-\\d{3}-\\d{2}-\\d{2}", "NaNNA\\d{3}undefined", 10000, 99999)),
            Map.entry(
                    Nationality.FR,
                    ints(
                            "0[1-5]-\\d{2}-\\d{2}-\\d{2}-\\d{2}",
                            "06-\\d{2}-\\d{2}-\\d{2}-\\d{2}", "[12]\\d{2,3}(0\\d|1[01])\\d{8} \\d{2}", 10000, 99999)),
            Map.entry(
                    Nationality.GB,
                    new Formats(
                            "0\\d{5} \\d{5}|0\\d{2} \\d{4} \\d{4}|0\\d{3} \\d{3} \\d{4}",
                            "07\\d{3} \\d{6}",
                            "[A-Z]{2} \\d{2} \\d{2} \\d{2} [A-Z]",
                            "[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}",
                            0,
                            0)),
            Map.entry(Nationality.IE, ints("0\\d1-\\d{3}-\\d{4}", "081-\\d{3}-\\d{4}", "\\d{7}[A-W]", 10000, 99999)),
            Map.entry(Nationality.IN, ints("[789]\\d{9}", "[789]\\d{9}", "\\d{12}", 10000, 99999)),
            Map.entry(Nationality.IR, ints("0\\d{2}-\\d{8}", "09\\d{2}-\\d{3}-\\d{4}", null, 10000, 99999)),
            Map.entry(
                    Nationality.MX,
                    ints(
                            "\\(6\\d{2}\\) \\d{3} \\d{4}",
                            "\\(6\\d{2}\\) \\d{3} \\d{4}", "\\d{2} \\d{2} \\d{2} \\d{4} \\d", 10000, 99999)),
            Map.entry(
                    Nationality.NL,
                    new Formats("\\(0\\d{3}\\) \\d{6}", "\\(06\\) \\d{8}", "\\d{8}", "[1-9]\\d{3} [A-Z]{2}", 0, 0)),
            Map.entry(Nationality.NO, new Formats("\\d{8}", "\\d{8}", "\\d{11}", "\\d{4}", 0, 0)),
            Map.entry(
                    Nationality.NZ,
                    ints("\\(\\d{3}\\)-\\d{3}-\\d{4}", "\\(\\d{3}\\)-\\d{3}-\\d{4}", null, 10000, 99999)),
            Map.entry(Nationality.RS, ints("0[123]\\d-\\d{4}-\\d{3}", "06\\d-\\d{4}-\\d{3}", "\\d{9}", 10000, 99999)),
            Map.entry(
                    Nationality.TR,
                    ints("\\(\\d{3}\\)-\\d{3}-\\d{4}", "\\(\\d{3}\\)-\\d{3}-\\d{4}", null, 10000, 99999)),
            Map.entry(
                    Nationality.UA,
                    ints(
                            "\\(0(66|67|68|96|97|98|99)\\) [A-Z]\\d{2}-\\d{4}",
                            "\\(0(66|67|68|96|97|98|99)\\) [A-Z]\\d{2}-\\d{4}", null, 10000, 99999)),
            Map.entry(
                    Nationality.US,
                    ints(
                            "\\([2-9]\\d{2}\\) [2-9]\\d{2}-\\d{4}",
                            "\\([2-9]\\d{2}\\) [2-9]\\d{2}-\\d{4}",
                            "(?!000|666|9)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}",
                            10000,
                            99999))));

    private static final Set<String> OFFSETS = Set.of(
            "-12:00", "-11:00", "-10:00", "-9:00", "-8:00", "-7:00", "-6:00", "-5:00", "-4:00", "-3:30", "-3:00",
            "-2:00", "-1:00", "0:00", "+1:00", "+2:00", "+3:00", "+3:30", "+4:00", "+4:30", "+5:00", "+5:30", "+5:45",
            "+6:00", "+7:00", "+8:00", "+9:00", "+9:30", "+10:00", "+11:00");
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern COORDINATE = Pattern.compile("-?\\d{1,3}\\.\\d{4}");
    private static final Pattern PORTRAIT =
            Pattern.compile("https://randomuser\\.me/api/portraits/(thumb/|med/)?(men|women)/(\\d{1,2})\\.jpg");

    private static Formats ints(String phone, String cell, String id, int min, int max) {
        return new Formats(phone, cell, id, null, min, max);
    }

    @Test
    void everyNationalityIsCovered() {
        assertEquals(21, Nationality.values().length);
        assertEquals(Set.of(Nationality.values()), FORMATS.keySet());
    }

    @ParameterizedTest
    @EnumSource(Nationality.class)
    void usersHaveTheLiveTypesAndFormats(Nationality nat) throws Exception {
        JsonNode users = Json.generate(Query.parse("results=" + USERS + "&seed=schema-" + nat + "&nat=" + nat))
                .get("results");
        assertEquals(USERS, users.size());
        Formats formats = FORMATS.get(nat);
        for (JsonNode user : users) {
            String where = nat + " user " + user;
            assertEquals(
                    List.of(
                            "gender",
                            "name",
                            "location",
                            "email",
                            "login",
                            "dob",
                            "registered",
                            "phone",
                            "cell",
                            "id",
                            "picture",
                            "nat"),
                    Json.keys(user),
                    where);
            assertEquals(nat.name(), user.get("nat").textValue());
            boolean male = checkGenderAndName(nat, user, where);
            checkLocation(nat, formats, user.get("location"), where);
            checkEmail(user, where);
            checkLogin(user.get("login"), where);
            long dob = checkDated(user.get("dob"), UserGenerator.DOB_MIN_MILLIS, UserGenerator.DOB_MAX_MILLIS, where);
            checkDated(
                    user.get("registered"),
                    UserGenerator.REGISTERED_MIN_MILLIS,
                    UserGenerator.REGISTERED_MAX_MILLIS,
                    where);
            assertMatches(formats.phone(), user.get("phone"), where);
            assertMatches(formats.cell(), user.get("cell"), where);
            checkId(nat, formats, user, dob, male, where);
            checkPicture(user.get("picture"), male, where);
        }
    }

    private static boolean checkGenderAndName(Nationality nat, JsonNode user, String where) {
        String gender = user.get("gender").textValue();
        assertTrue(gender.equals("male") || gender.equals("female"), where);
        boolean male = gender.equals("male");
        JsonNode name = user.get("name");
        assertEquals(List.of("title", "first", "last"), Json.keys(name));
        Set<String> titles = nat == Nationality.CH
                ? (male ? Set.of("Monsieur") : Set.of("Madame", "Mademoiselle"))
                : (male ? Set.of("Mr") : Set.of("Miss", "Mrs", "Ms"));
        assertTrue(titles.contains(name.get("title").textValue()), where);
        assertFalse(name.get("first").textValue().isBlank(), where);
        assertFalse(name.get("last").textValue().isBlank(), where);
        return male;
    }

    private static void checkLocation(Nationality nat, Formats formats, JsonNode location, String where) {
        assertEquals(
                List.of("street", "city", "state", "country", "postcode", "coordinates", "timezone"),
                Json.keys(location));
        JsonNode street = location.get("street");
        assertEquals(List.of("number", "name"), Json.keys(street));
        assertTrue(street.get("number").isInt(), where);
        int number = street.get("number").intValue();
        assertTrue(number >= 1 && number <= 9999, where);
        assertFalse(street.get("name").textValue().isBlank(), where);
        assertFalse(location.get("city").textValue().isBlank(), where);
        assertFalse(location.get("state").textValue().isBlank(), where);
        assertEquals(nat.country(), location.get("country").textValue());

        JsonNode postcode = location.get("postcode");
        if (formats.postcode() != null) {
            assertTrue(nat.postcodeIsString());
            assertMatches(formats.postcode(), postcode, where);
        } else {
            assertFalse(nat.postcodeIsString());
            assertTrue(postcode.isInt(), "postcode must be a JSON integer: " + where);
            assertTrue(
                    postcode.intValue() >= formats.postcodeMin() && postcode.intValue() <= formats.postcodeMax(),
                    where);
        }

        JsonNode coordinates = location.get("coordinates");
        assertEquals(List.of("latitude", "longitude"), Json.keys(coordinates));
        assertMatches(COORDINATE.pattern(), coordinates.get("latitude"), where);
        assertMatches(COORDINATE.pattern(), coordinates.get("longitude"), where);
        assertTrue(Math.abs(Double.parseDouble(coordinates.get("latitude").textValue())) <= 90, where);
        assertTrue(Math.abs(Double.parseDouble(coordinates.get("longitude").textValue())) <= 180, where);

        JsonNode timezone = location.get("timezone");
        assertEquals(List.of("offset", "description"), Json.keys(timezone));
        assertTrue(
                timezone.get("offset").isTextual()
                        && OFFSETS.contains(timezone.get("offset").textValue()),
                where);
        assertFalse(timezone.get("description").textValue().isBlank(), where);
    }

    private static void checkEmail(JsonNode user, String where) {
        String email = user.get("email").textValue();
        assertTrue(email.matches("[a-z0-9.'-]+@example\\.com"), where);
        String first = user.at("/name/first").textValue();
        String last = user.at("/name/last").textValue();
        if ((first + last).chars().allMatch(c -> c < 0x80)) {
            assertEquals((first + "." + last).replace(" ", "").toLowerCase() + "@example.com", email);
        }
    }

    private static void checkLogin(JsonNode login, String where) throws Exception {
        assertEquals(List.of("uuid", "username", "password", "salt", "md5", "sha1", "sha256"), Json.keys(login));
        assertMatches(UUID_V4.pattern(), login.get("uuid"), where);
        assertMatches("[a-z]+\\d{3}", login.get("username"), where);
        assertMatches("[A-Za-z0-9]{8}", login.get("salt"), where);
        String salted = login.get("password").textValue() + login.get("salt").textValue();
        assertEquals(hex("MD5", salted), login.get("md5").textValue());
        assertEquals(hex("SHA-1", salted), login.get("sha1").textValue());
        assertEquals(hex("SHA-256", salted), login.get("sha256").textValue());
    }

    private static long checkDated(JsonNode dated, long min, long max, String where) {
        assertEquals(List.of("date", "age"), Json.keys(dated));
        assertMatches(ISO_MILLIS.pattern(), dated.get("date"), where);
        Instant date = Instant.parse(dated.get("date").textValue());
        assertTrue(date.toEpochMilli() >= min && date.toEpochMilli() <= max, where);
        assertTrue(dated.get("age").isInt(), where);
        long expectedAge = ChronoUnit.YEARS.between(
                date.atZone(ZoneOffset.UTC), ZonedDateTime.ofInstant(ResponseGenerator.AGE_REFERENCE, ZoneOffset.UTC));
        assertEquals(expectedAge, dated.get("age").intValue(), where);
        return date.toEpochMilli();
    }

    private static void checkId(
            Nationality nat, Formats formats, JsonNode user, long dobMillis, boolean male, String where) {
        JsonNode id = user.get("id");
        assertEquals(List.of("name", "value"), Json.keys(id));
        assertEquals(nat.idName(), id.get("name").textValue());
        if (formats.id() == null) {
            assertTrue(nat.idValueIsNull());
            assertEquals("", id.get("name").textValue());
            assertTrue(id.get("value").isNull(), "id.value must be JSON null: " + where);
            return;
        }
        assertFalse(nat.idValueIsNull());
        assertMatches(formats.id(), id.get("value"), where);
        String value = id.get("value").textValue();
        ZonedDateTime dob = Instant.ofEpochMilli(dobMillis).atZone(ZoneOffset.UTC);
        String ddmm = String.format("%02d%02d", dob.getDayOfMonth(), dob.getMonthValue());
        String jsYear = Integer.toString(dob.getYear() - 1900);
        switch (nat) {
            case CA -> assertTrue(sinChecksumValid(value), where);
            case DE -> {
                assertTrue(
                        value.substring(3)
                                .startsWith(ddmm + jsYear + " "
                                        + user.at("/name/last").textValue().charAt(0) + " "),
                        where);
                int serial = Integer.parseInt(value.substring(value.length() - 3, value.length() - 1));
                assertTrue(male ? serial <= 49 : serial >= 50, where);
            }
            case DK -> assertTrue(value.startsWith(ddmm + jsYear + "-"), where);
            case ES ->
                assertEquals(
                        "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(value.substring(0, 8)) % 23),
                        value.charAt(9),
                        where);
            case FR -> {
                String number = value.substring(0, value.indexOf(' '));
                assertEquals(male ? '1' : '2', number.charAt(0), where);
                assertTrue(
                        number.startsWith((male ? "1" : "2") + jsYear + String.format("%02d", dob.getMonthValue() - 1)),
                        where);
                assertEquals(97 - Long.parseLong(number) % 97, Long.parseLong(value.substring(value.indexOf(' ') + 1)));
            }
            case NO -> assertTrue(value.startsWith(ddmm + String.format("%02d", dob.getYear() % 100)), where);
            default -> assertNotNull(value);
        }
    }

    private static void checkPicture(JsonNode picture, boolean male, String where) {
        assertEquals(List.of("large", "medium", "thumbnail"), Json.keys(picture));
        String number = null;
        for (String size : List.of("large", "medium", "thumbnail")) {
            var matcher = PORTRAIT.matcher(picture.get(size).textValue());
            assertTrue(matcher.matches(), where);
            assertEquals(male ? "men" : "women", matcher.group(2), where);
            if (number == null) {
                number = matcher.group(3);
            }
            assertEquals(number, matcher.group(3), where);
        }
        assertTrue(Integer.parseInt(number) <= (male ? 99 : 96), where);
        assertTrue(picture.get("medium").textValue().contains("/med/"));
        assertTrue(picture.get("thumbnail").textValue().contains("/thumb/"));
    }

    private static boolean sinChecksumValid(String sin) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (sin.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product >= 10 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }

    private static void assertMatches(String regex, JsonNode value, String where) {
        assertTrue(value.isTextual(), "must be a JSON string: " + value + " in " + where);
        assertTrue(value.textValue().matches(regex), value + " does not match " + regex + " in " + where);
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nullIdsAndStringPostcodesAreExactlyTheDocumentedSets() {
        Set<Nationality> nullIds = Set.of(Nationality.IR, Nationality.NZ, Nationality.TR, Nationality.UA);
        Set<Nationality> stringPostcodes = Set.of(Nationality.CA, Nationality.GB, Nationality.NL, Nationality.NO);
        for (Nationality nat : Nationality.values()) {
            assertEquals(nullIds.contains(nat), nat.idValueIsNull(), nat.name());
            assertEquals(stringPostcodes.contains(nat), nat.postcodeIsString(), nat.name());
        }
    }

    @Test
    void timeZonesCoverTheThirtyLiveOffsetsButNeverPlusTwelve() {
        JsonNode users = Json.generate(Query.parse("results=5000&seed=tz")).get("results");
        Set<String> seen = Set.copyOf(Json.texts(users, "/location/timezone/offset"));
        assertEquals(OFFSETS, seen);
        assertFalse(seen.contains("+12:00"));
    }
}
