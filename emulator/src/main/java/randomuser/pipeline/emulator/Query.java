package randomuser.pipeline.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One API request's parameters after the live server's own sanitising: values it would not accept
 * fall back to its defaults instead of failing (see {@link Builder} for each rule).
 *
 * <p>Build one from a raw query string ({@link #parse(String)}), from decoded parameters
 * ({@link #fromParameters(Map)}), or with {@link #builder()} whose setters take the same values as the
 * query parameters and apply the same rules.
 */
public final class Query {

    /** The API's cap on {@code results}. */
    public static final int MAX_RESULTS = 5000;
    /** The highest page the live server accepts; larger values become 1. */
    public static final int MAX_PAGE = 10000;

    private final int results;
    private final double page;
    private final String seed;
    private final String gender;
    private final List<Nationality> nats;
    private final Nationality seedNationality;
    private final Set<Field> fields;
    private final boolean noInfo;
    private final String format;
    private final String callback;
    private final String password;
    private final boolean download;

    private Query(Builder b) {
        this.results = sanitiseResults(b.results);
        this.page = sanitisePage(b.page);
        this.seed = b.seed == null || b.seed.isEmpty() ? null : b.seed;
        this.gender = seed == null && ("male".equals(b.gender) || "female".equals(b.gender)) ? b.gender : null;
        this.seedNationality = seed == null ? null : nationalityEncodedIn(seed);
        this.nats = seedNationality != null ? List.of(seedNationality) : parseNats(b.nat);
        this.fields = parseFields(b.inc, b.exc);
        this.noInfo = b.noInfo;
        this.format = b.format == null || b.format.isEmpty() ? "json" : b.format.toLowerCase(Locale.ROOT);
        this.callback = b.callback;
        this.password = b.password;
        this.download = b.download;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A query from a raw URL query string such as {@code results=10&seed=abc&nat=gb,us}. */
    public static Query parse(String rawQuery) {
        return fromParameters(QueryParameters.parse(rawQuery));
    }

    /**
     * A query from decoded parameters (one value per name: the last one when a name was repeated).
     * Recognises the live API's names and aliases: {@code nationality} for {@code nat}, {@code fmt}
     * for {@code format}, {@code download} for {@code dl}.
     */
    public static Query fromParameters(Map<String, String> params) {
        Builder b = builder();
        String results = params.get("results");
        b.results = results == null || results.isEmpty() ? 1 : JsNumbers.parse(results);
        b.page = JsNumbers.parse(params.getOrDefault("page", ""));
        b.seed = params.get("seed");
        b.gender = params.get("gender");
        b.nat = firstNonEmpty(params.get("nat"), params.get("nationality"));
        b.inc = params.get("inc");
        b.exc = params.get("exc");
        b.noInfo = params.containsKey("noinfo");
        b.format = firstNonEmpty(params.get("format"), params.get("fmt"));
        b.callback = params.get("callback");
        b.password = params.get("password");
        b.download = params.containsKey("dl") || params.containsKey("download");
        return b.build();
    }

    /** Number of users asked for, 1..5000. */
    public int results() {
        return results;
    }

    /** The page, normally a positive integer; the live server keeps any number in 0..10000 (non-zero). */
    public double page() {
        return page;
    }

    /** The caller's seed, if one was given. */
    public Optional<String> seed() {
        return Optional.ofNullable(seed);
    }

    /** {@code male} or {@code female}, or empty for both (always empty when a seed is given). */
    public Optional<String> gender() {
        return Optional.ofNullable(gender);
    }

    /** The nationalities users are drawn from; empty means all 21. */
    public List<Nationality> nationalities() {
        return nats == null ? List.of() : nats;
    }

    /** The user fields present in each result, in output order. */
    public Set<Field> fields() {
        return fields;
    }

    public boolean noInfo() {
        return noInfo;
    }

    /** Lower-cased {@code format}: json (default), pretty, prettyjson, csv, yaml, xml, or anything else (= json). */
    public String format() {
        return format;
    }

    /** True for {@code format=pretty} and {@code format=prettyjson}. */
    public boolean pretty() {
        return "pretty".equals(format) || "prettyjson".equals(format);
    }

    /** The JSONP callback name, if any (an empty name is allowed, as live). */
    public Optional<String> callback() {
        return Optional.ofNullable(callback);
    }

    /** The {@code password} option (e.g. {@code upper,lower,8-16}), if any. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** True when {@code dl}/{@code download} was given. */
    public boolean download() {
        return download;
    }

    /** The nationality an 18-character seed selects with its last two hex digits, if any. */
    Optional<Nationality> seedNationality() {
        return Optional.ofNullable(seedNationality);
    }

    // ---- the live server's sanitising rules ----

    private static int sanitiseResults(double value) {
        if (Double.isNaN(value) || value < 1 || value > MAX_RESULTS || !JsNumbers.isInteger(value)) {
            return 1;
        }
        return (int) value;
    }

    private static double sanitisePage(double value) {
        // Number(page) || 1: NaN and 0 are falsy
        double page = Double.isNaN(value) || value == 0 ? 1 : value;
        return page < 0 || page > MAX_PAGE ? 1 : page;
    }

    /** Any unknown code drops the whole filter; codes are upper-cased but not trimmed (as live). */
    private static List<Nationality> parseNats(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<Nationality> result = new ArrayList<>();
        for (String code : raw.split(",")) {
            if (code.isEmpty()) {
                continue;
            }
            Optional<Nationality> nat = Nationality.fromCode(code);
            if (nat.isEmpty()) {
                return null;
            }
            result.add(nat.get());
        }
        return result.isEmpty() ? null : Collections.unmodifiableList(result);
    }

    private static Set<Field> parseFields(String inc, String exc) {
        EnumSet<Field> fields = EnumSet.noneOf(Field.class);
        if (inc == null || inc.isEmpty()) {
            fields = EnumSet.allOf(Field.class);
        } else {
            for (String name : inc.split(",")) {
                Field.fromKey(name.strip().toLowerCase(Locale.ROOT)).ifPresent(fields::add);
            }
        }
        if (exc != null) {
            for (String name : exc.split(",")) {
                Field.fromKey(name.strip().toLowerCase(Locale.ROOT)).ifPresent(fields::remove);
            }
        }
        return Collections.unmodifiableSet(fields);
    }

    /**
     * The live server reads the last two characters of an 18-character seed as a hex index into the
     * nationality list (JavaScript parseInt: leading hex digits). An index outside the list breaks the
     * live server; the emulator then treats the seed as an ordinary one.
     */
    private static Nationality nationalityEncodedIn(String seed) {
        if (seed.length() != 18) {
            return null;
        }
        String tail = seed.substring(16);
        int digits = 0;
        while (digits < tail.length() && Character.digit(tail.charAt(digits), 16) >= 0) {
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        int index = Integer.parseInt(tail.substring(0, digits), 16);
        Nationality[] all = Nationality.values();
        return index < all.length ? all[index] : null;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b;
    }

    /**
     * Setters take query-parameter values and {@link #build()} applies the live rules: results outside
     * 1..5000 or not an integer become 1; page 0, NaN, negative or above 10000 becomes 1; an empty seed
     * means none; gender other than male/female, or any gender with a seed, means both; an unknown nat
     * code drops the nat filter; unknown inc/exc names are ignored.
     */
    public static final class Builder {
        private double results = 1;
        private double page = 1;
        private String seed;
        private String gender;
        private String nat;
        private String inc;
        private String exc;
        private boolean noInfo;
        private String format;
        private String callback;
        private String password;
        private boolean download;

        private Builder() {}

        public Builder results(int results) {
            this.results = results;
            return this;
        }

        public Builder page(double page) {
            this.page = page;
            return this;
        }

        public Builder seed(String seed) {
            this.seed = seed;
            return this;
        }

        public Builder gender(String gender) {
            this.gender = gender;
            return this;
        }

        /** Comma-separated codes in any case, e.g. {@code "gb,US"}. */
        public Builder nat(String nat) {
            this.nat = nat;
            return this;
        }

        /** Comma-separated field names to include (default all). */
        public Builder inc(String inc) {
            this.inc = inc;
            return this;
        }

        /** Comma-separated field names to exclude. */
        public Builder exc(String exc) {
            this.exc = exc;
            return this;
        }

        public Builder noInfo(boolean noInfo) {
            this.noInfo = noInfo;
            return this;
        }

        public Builder format(String format) {
            this.format = format;
            return this;
        }

        public Builder callback(String callback) {
            this.callback = callback;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder download(boolean download) {
            this.download = download;
            return this;
        }

        public Query build() {
            return new Query(this);
        }
    }
}
