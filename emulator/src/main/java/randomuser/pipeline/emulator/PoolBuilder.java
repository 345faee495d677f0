package randomuser.pipeline.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import net.datafaker.Faker;

/**
 * Builds a nationality's {@link NationalityPools}: Datafaker with the country's locale, except where
 * that locale has no such data (Datafaker then falls back to English) or no gendered first names;
 * there a hand-written list in {@code lists/<NAT>.txt} takes over. The Faker is seeded with a
 * constant, so the pools, and hence every response, are the same on every run.
 */
final class PoolBuilder {

    /** Distinct values wanted per pool; a locale with fewer gives all it has. */
    private static final int POOL_SIZE = 200;
    /** Datafaker calls are slow (~20 µs): stop once this many in a row brought nothing new. */
    private static final int FRUITLESS_ATTEMPTS = 40;

    private static final long FAKER_SEED = 0x52414E444F4DL;

    private static final Map<Nationality, String> LOCALES = new EnumMap<>(Map.ofEntries(
            Map.entry(Nationality.AU, "en-AU"),
            Map.entry(Nationality.BR, "pt-BR"),
            Map.entry(Nationality.CA, "en-CA"),
            Map.entry(Nationality.CH, "fr-CH"),
            Map.entry(Nationality.DE, "de"),
            Map.entry(Nationality.DK, "da-DK"),
            Map.entry(Nationality.ES, "es"),
            Map.entry(Nationality.FI, "fi-FI"),
            Map.entry(Nationality.FR, "fr"),
            Map.entry(Nationality.GB, "en-GB"),
            Map.entry(Nationality.IE, "en-GB"),
            Map.entry(Nationality.IN, "en-IN"),
            Map.entry(Nationality.IR, "fa"),
            Map.entry(Nationality.MX, "es-MX"),
            Map.entry(Nationality.NL, "nl"),
            Map.entry(Nationality.NO, "nb-NO"),
            Map.entry(Nationality.NZ, "en-NZ"),
            Map.entry(Nationality.RS, "hr"),
            Map.entry(Nationality.TR, "tr"),
            Map.entry(Nationality.UA, "uk"),
            Map.entry(Nationality.US, "en-US")));

    /** Nationalities whose live street names sometimes end with a space. */
    private static final Set<Nationality> TRAILING_SPACE_STREETS = Set.of(Nationality.BR, Nationality.RS);

    private PoolBuilder() {}

    static NationalityPools build(Nationality nat) {
        Map<String, List<String>> hand = ListResource.read(nat.name());
        Faker faker = new Faker(Locale.forLanguageTag(LOCALES.get(nat)), new Random(FAKER_SEED + nat.ordinal()));
        List<String> last = pool(hand, "last", faker, f -> f.name().lastName());
        List<String> streets = pool(hand, "street", faker, f -> f.address().streetName());
        return new NationalityPools(
                pool(hand, "male_first", faker, f -> f.name().malefirstName()),
                pool(hand, "female_first", faker, f -> f.name().femaleFirstName()),
                withPrefixes(last, hand.get("last_prefix")),
                TRAILING_SPACE_STREETS.contains(nat) ? withSomeTrailingSpaces(streets) : streets,
                pool(hand, "city", faker, f -> f.address().cityName()),
                pool(hand, "state", faker, f -> f.address().state()),
                nat == Nationality.NO
                        ? pool(hand, "postcode", faker, f -> f.address().postcode())
                        : List.of());
    }

    private static List<String> pool(
            Map<String, List<String>> hand, String section, Faker faker, Function<Faker, String> source) {
        List<String> listed = hand.get(section);
        if (listed != null) {
            return listed;
        }
        Set<String> values = new LinkedHashSet<>();
        int fruitless = 0;
        while (values.size() < POOL_SIZE && fruitless < FRUITLESS_ATTEMPTS) {
            String value = source.apply(faker).strip();
            fruitless = !value.isEmpty() && values.add(value) ? 0 : fruitless + 1;
        }
        return List.copyOf(values);
    }

    /** Every fourth last name gets a prefix such as "Van den", as Dutch names do. */
    private static List<String> withPrefixes(List<String> last, List<String> prefixes) {
        if (prefixes == null || prefixes.isEmpty()) {
            return last;
        }
        List<String> result = new ArrayList<>(last);
        for (int i = 3; i < result.size(); i += 4) {
            result.set(i, prefixes.get((i / 4) % prefixes.size()) + " " + result.get(i));
        }
        return Collections.unmodifiableList(result);
    }

    /** One street name in twenty keeps a trailing space, a quirk of the live data for these countries. */
    private static List<String> withSomeTrailingSpaces(List<String> streets) {
        List<String> result = new ArrayList<>(streets);
        for (int i = 7; i < result.size(); i += 20) {
            result.set(i, result.get(i) + " ");
        }
        return Collections.unmodifiableList(result);
    }
}
