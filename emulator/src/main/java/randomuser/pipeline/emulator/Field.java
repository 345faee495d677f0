package randomuser.pipeline.emulator;

import java.util.Locale;
import java.util.Optional;

/** The twelve top-level fields of a user, as named by the {@code inc} and {@code exc} parameters. */
public enum Field {
    GENDER,
    NAME,
    LOCATION,
    EMAIL,
    LOGIN,
    REGISTERED,
    DOB,
    PHONE,
    CELL,
    ID,
    PICTURE,
    NAT;

    /** The JSON key and parameter spelling. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Field> fromKey(String key) {
        for (Field field : values()) {
            if (field.key().equals(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
