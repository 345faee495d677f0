package randomuser.pipeline.emulator;

import java.util.List;

/**
 * A small, fully specified pseudo-random generator (xoshiro256** seeded through SplitMix64).
 *
 * <p>The emulator's output must be byte-identical on every JVM and every run for the same seed, so it
 * uses its own generator instead of {@code java.util.Random} or {@code SplittableRandom}, whose
 * algorithms the JDK does not promise to keep. One instance per user keeps users independent of
 * each other, so a request for 10 users yields the first 10 of a request for 5000.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    SeededRandom(long seed) {
        long x = seed;
        x += GOLDEN_GAMMA;
        s0 = mix64(x);
        x += GOLDEN_GAMMA;
        s1 = mix64(x);
        x += GOLDEN_GAMMA;
        s2 = mix64(x);
        x += GOLDEN_GAMMA;
        s3 = mix64(x);
    }

    /** The generator of the {@code index}-th user of a page whose key is {@code pageKey}. */
    static SeededRandom forUser(long pageKey, int index) {
        return new SeededRandom(mix64(pageKey ^ mix64((index + 1L) * GOLDEN_GAMMA)));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, bound), without modulo bias. */
    long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = bound - 1;
        long r = nextLong() >>> 1;
        if ((bound & m) == 0L) {
            return r & m;
        }
        for (long u = r; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
            // rejected: u fell in the incomplete last block
        }
        return r;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [min, max], both inclusive (the live server's {@code range(min, max)}). */
    int range(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    /** Uniform in [min, max], both inclusive. */
    long range(long min, long max) {
        return min + nextLong(max - min + 1);
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    char pick(String chars) {
        return chars.charAt(nextInt(chars.length()));
    }

    /** {@code count} characters drawn from {@code chars}. */
    String chars(String chars, int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = chars.charAt(nextInt(chars.length()));
        }
        return new String(out);
    }

    /** {@code count} decimal digits; leading zeros allowed. */
    String digits(int count) {
        return chars(DIGITS, count);
    }

    static final String DIGITS = "0123456789";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890";
    static final String HEX = "abcdef1234567890";
}
