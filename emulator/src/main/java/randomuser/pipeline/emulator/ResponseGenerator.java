package randomuser.pipeline.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Produces the body of an API v1.4 response for a {@link Query}, without HTTP.
 *
 * <p>For a given seed, page, nationalities, gender and password option the users are always the same,
 * byte for byte: a page other than 1 seeds its generator with {@code seed + page} like the live
 * server, and ages are computed against the fixed instant {@link #AGE_REFERENCE} (the live API
 * computes them against the time of the request, so its ages drift over the years). Without a seed a
 * random 16-character {@code [a-f0-9]} seed is made up and returned in {@code info.seed}; asking again
 * with it gives the same users.
 *
 * <p>Only JSON is produced ({@code format=json}, {@code pretty}, {@code prettyjson}, with an optional
 * JSONP {@code callback}); CSV, YAML and XML are not emulated.
 */
public final class ResponseGenerator {

    /** The API version the emulator implements. */
    public static final String VERSION = "1.4";
    /** The instant {@code dob.age} and {@code registered.age} are computed against. */
    public static final Instant AGE_REFERENCE = Instant.parse("2025-01-01T00:00:00Z");

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String SEED_CHARS = "abcdef1234567890";

    private ResponseGenerator() {}

    /** The response body as a string. */
    public static String generate(Query query) {
        return new String(generateBytes(query), StandardCharsets.UTF_8);
    }

    /** The response body as UTF-8 bytes. */
    public static byte[] generateBytes(Query query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(query.results() * 1200 + 200);
        try {
            write(query, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with an in-memory stream
        }
        return out.toByteArray();
    }

    /** Streams the response body to {@code out} (not closed). */
    public static void write(Query query, OutputStream out) throws IOException {
        Page page = Page.of(query);
        write(page, page.query().results(), out);
    }

    /** Makes up a seed as the live server does when none is given. */
    static String randomSeed() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] seed = new char[16];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = SEED_CHARS.charAt(random.nextInt(SEED_CHARS.length()));
        }
        return new String(seed);
    }

    /**
     * Writes the response of {@code page} with its first {@code userCount} users, while
     * {@code info.results} keeps saying how many were asked for (the live "short" and "empty" failures).
     */
    static void write(Page page, int userCount, OutputStream out) throws IOException {
        Query query = page.query();
        String callback = query.callback().orElse(null);
        if (callback != null) {
            out.write((callback + "(").getBytes(StandardCharsets.UTF_8));
        }
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (query.pretty()) {
                g.setPrettyPrinter(new StringifyPrettyPrinter());
            }
            UserGenerator users = new UserGenerator(
                    page.key(),
                    query.nationalities(),
                    query.gender().orElse(null),
                    PasswordOption.parse(query.password().orElse(null)),
                    AGE_REFERENCE.toEpochMilli());
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (int i = 0; i < userCount; i++) {
                UserJsonWriter.write(g, users.generate(i), query.fields());
            }
            g.writeEndArray();
            if (!query.noInfo()) {
                g.writeObjectFieldStart("info");
                g.writeStringField("seed", page.infoSeed());
                g.writeNumberField("results", query.results());
                g.writeFieldName("page");
                g.writeNumber(JsNumbers.toString(query.page()));
                g.writeStringField("version", VERSION);
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        if (callback != null) {
            out.write(");".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A query with its seed settled: the seed echoed in {@code info.seed} and the 64-bit key that seeds
     * the page's users (the MD5 of the seed, followed by the page number when it is not 1).
     */
    record Page(Query query, String infoSeed, long key) {

        static Page of(Query query) {
            String seed = query.seed().orElseGet(ResponseGenerator::randomSeed);
            String rngSeed = seed;
            String infoSeed = seed;
            if (query.seedNationality().isPresent()) {
                // an 18-character seed: 16 seed characters + a nationality index, echoed with the index again
                rngSeed = seed.substring(0, 16);
                String index = Integer.toHexString(query.seedNationality().get().ordinal());
                infoSeed = seed + (index.length() < 2 ? "0" + index : index);
            }
            if (query.page() != 1) {
                rngSeed = rngSeed + JsNumbers.toString(query.page());
            }
            return new Page(query, infoSeed, Digests.md5Long(rngSeed));
        }
    }
}
