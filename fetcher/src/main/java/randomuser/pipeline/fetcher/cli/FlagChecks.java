package randomuser.pipeline.fetcher.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks several flags share. Each problem is a usage error whose message names the flag and what it
 * accepts: the API never rejects a bad value (it silently falls back, e.g. results=5001 gives one user), so
 * the fetcher must.
 */
final class FlagChecks {

    private FlagChecks() {}

    static int range(String flag, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw FetcherException.usage(flag + " must be between " + min + " and " + max + why + ", got " + value);
        }
        return value;
    }

    static Duration positive(String flag, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw FetcherException.usage(flag + " must be a positive duration (e.g. 500ms, 10s, 2m)");
        }
        return value;
    }

    /** The comma-separated items of a flag; an empty item (e.g. "gb,,fr") is an error. */
    static List<String> items(String flag, String value) {
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            if (item.isBlank()) {
                throw FetcherException.usage(flag + " '" + value + "' has an empty item; use a comma-separated list");
            }
            items.add(item.trim());
        }
        return items;
    }

    static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
