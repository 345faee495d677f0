package randomuser.pipeline.stack.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A marker file saying an install step finished, holding a fingerprint of its inputs: a step whose inputs
 * changed (e.g. a version bumped in the parent pom) runs again; an interrupted step left no stamp.
 */
public final class Stamp {
    private final Path file;
    private final String fingerprint;

    public Stamp(Path file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    public boolean isCurrent() {
        try {
            return Files.isRegularFile(file) && Files.readString(file).trim().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    public void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, fingerprint + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
