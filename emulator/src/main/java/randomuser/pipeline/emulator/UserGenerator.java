package randomuser.pipeline.emulator;

import java.util.List;

/**
 * Generates the users of one page. Each user has its own {@link SeededRandom} derived from the page key
 * and its index, and draws every field in a fixed order whatever {@code inc}/{@code exc} say, so the
 * same seed, page and nationalities always give the same users, and excluding a field never changes
 * the others.
 */
final class UserGenerator {

    /** Date-of-birth range of live v1.4: users are at least 21 at its reference time 2022-05-23. */
    static final long DOB_MIN_MILLIS = -800_000_000_000L;

    static final long LIVE_REFERENCE_MILLIS = 1_653_344_189_000L;
    static final long DOB_MAX_MILLIS = LIVE_REFERENCE_MILLIS - 86_400_000L * 365 * 21;
    /** Registration range of live v1.4: 2002-03-21 to 2022-05-23. */
    static final long REGISTERED_MIN_MILLIS = 1_016_688_461_000L;

    static final long REGISTERED_MAX_MILLIS = LIVE_REFERENCE_MILLIS;

    private static final List<Nationality> ALL = List.of(Nationality.values());
    private static final String PORTRAITS = "https://randomuser.me/api/portraits/";

    private final long pageKey;
    private final List<Nationality> nationalities;
    private final String fixedGender;
    private final PasswordOption passwordOption;
    private final long ageReferenceMillis;

    UserGenerator(
            long pageKey,
            List<Nationality> nationalities,
            String fixedGender,
            PasswordOption passwordOption,
            long ageReferenceMillis) {
        this.pageKey = pageKey;
        this.nationalities = nationalities.isEmpty() ? ALL : nationalities;
        this.fixedGender = fixedGender;
        this.passwordOption = passwordOption;
        this.ageReferenceMillis = ageReferenceMillis;
    }

    User generate(int index) {
        SeededRandom rng = SeededRandom.forUser(pageKey, index);
        Nationality nat = rng.pick(nationalities);
        boolean drawnMale = rng.nextBoolean();
        boolean male = fixedGender == null ? drawnMale : fixedGender.equals("male");
        NationalityPools pools = NationalityPools.of(nat);
        NationalFormats.Format format = NationalFormats.of(nat);

        User.Name name = name(rng, nat, male, pools);
        User.Location location = location(rng, nat, pools, format);
        String email = Transliterator.email(name.first(), name.last());
        User.Login login = login(rng);
        long dobMillis = rng.range(DOB_MIN_MILLIS, DOB_MAX_MILLIS);
        long registeredMillis = rng.range(REGISTERED_MIN_MILLIS, REGISTERED_MAX_MILLIS);
        String phone = format.phone(rng);
        String cell = format.cell(rng);
        var person = new NationalFormats.Person(male, name.last(), dobMillis);
        User.Id id = new User.Id(nat.idName(), format.id().generate(rng, person));
        User.Picture picture = picture(rng, male);

        return new User(
                male ? "male" : "female",
                name,
                location,
                email,
                login,
                dated(dobMillis),
                dated(registeredMillis),
                phone,
                cell,
                id,
                picture,
                nat);
    }

    private static User.Name name(SeededRandom rng, Nationality nat, boolean male, NationalityPools pools) {
        boolean swiss = nat == Nationality.CH;
        String femaleTitle = rng.pick(swiss ? CommonLists.SWISS_FEMALE_TITLES : CommonLists.FEMALE_TITLES);
        String title = male ? (swiss ? CommonLists.SWISS_MALE_TITLE : CommonLists.MALE_TITLE) : femaleTitle;
        String first = rng.pick(male ? pools.maleFirst() : pools.femaleFirst());
        return new User.Name(title, first, rng.pick(pools.last()));
    }

    private static User.Location location(
            SeededRandom rng, Nationality nat, NationalityPools pools, NationalFormats.Format format) {
        int streetNumber = rng.range(1, 9999);
        String street = rng.pick(pools.streets());
        String city = rng.pick(pools.cities());
        String state = rng.pick(pools.states());
        User.Postcode postcode = format.postcode().generate(rng, pools);
        String latitude = coordinate(rng, 90);
        String longitude = coordinate(rng, 180);
        User.TimeZone timezone = rng.pick(CommonLists.TIME_ZONES);
        return new User.Location(
                streetNumber, street, city, state, nat.country(), postcode, latitude, longitude, timezone);
    }

    /** A decimal with four fraction digits in [-limit, limit], as a string (faker's toFixed(4)). */
    private static String coordinate(SeededRandom rng, int limit) {
        int tenThousandths = rng.range(-limit * 10_000, limit * 10_000);
        int abs = Math.abs(tenThousandths);
        String fraction = Integer.toString(10_000 + abs % 10_000).substring(1);
        return (tenThousandths < 0 ? "-" : "") + (abs / 10_000) + "." + fraction;
    }

    private User.Login login(SeededRandom rng) {
        String uuid = uuidV4(rng.nextLong(), rng.nextLong());
        String username = rng.pick(CommonLists.ADJECTIVES) + rng.pick(CommonLists.ANIMALS) + rng.range(100, 999);
        String password = passwordOption == null ? rng.pick(CommonLists.PASSWORDS) : passwordOption.generate(rng);
        String salt = rng.chars(SeededRandom.ALPHANUMERIC, 8);
        return new User.Login(uuid, username, password, salt);
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    /** A version-4, variant-1 UUID from 128 random bits. */
    static String uuidV4(long high, long low) {
        high = (high & ~0xF000L) | 0x4000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] out = new char[36];
        int pos = 0;
        for (int i = 15; i >= 0; i--) {
            if (i == 7 || i == 3) {
                out[pos++] = '-';
            }
            out[pos++] = HEX_DIGITS[(int) (high >>> (i * 4)) & 0xF];
        }
        for (int i = 15; i >= 0; i--) {
            if (i == 15 || i == 11) {
                out[pos++] = '-';
            }
            out[pos++] = HEX_DIGITS[(int) (low >>> (i * 4)) & 0xF];
        }
        return new String(out);
    }

    private User.Dated dated(long millis) {
        return new User.Dated(IsoDates.format(millis), IsoDates.yearsBetween(millis, ageReferenceMillis));
    }

    private static User.Picture picture(SeededRandom rng, boolean male) {
        int number = male ? rng.range(0, 99) : rng.range(0, 96);
        String path = (male ? "men/" : "women/") + number + ".jpg";
        return new User.Picture(PORTRAITS + path, PORTRAITS + "med/" + path, PORTRAITS + "thumb/" + path);
    }
}
