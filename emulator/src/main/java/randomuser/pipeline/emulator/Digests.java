package randomuser.pipeline.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hex digests of {@code password + salt}, as in {@code login.md5/sha1/sha256}. One digest set per thread. */
final class Digests {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest[]> DIGESTS =
            ThreadLocal.withInitial(() -> new MessageDigest[] {digest("MD5"), digest("SHA-1"), digest("SHA-256")});

    private Digests() {}

    static String md5(String text) {
        return hex(0, text);
    }

    static String sha1(String text) {
        return hex(1, text);
    }

    static String sha256(String text) {
        return hex(2, text);
    }

    /** The first 8 bytes of the MD5 of {@code text}, big-endian: how a seed string becomes a number. */
    static long md5Long(String text) {
        byte[] hash = DIGESTS.get()[0].digest(text.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xFF);
        }
        return value;
    }

    private static String hex(int which, String text) {
        byte[] hash = DIGESTS.get()[which].digest(text.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(out);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
