package randomuser.pipeline.fetcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import randomuser.pipeline.fetcher.api.ApiVersion;
import randomuser.pipeline.fetcher.kafka.TopicPrefix;
import randomuser.pipeline.fetcher.mapping.UserFields;
import randomuser.pipeline.fetcher.run.FetchConfig;
import randomuser.pipeline.fetcher.run.InputPageSource;

/**
 * Checks every flag against its allowed values and builds the {@link FetchConfig}. Each problem is a usage
 * error whose message names the flag and what it accepts. The API itself never rejects a bad value (it
 * silently falls back, e.g. results=5001 gives one user), so the fetcher must.
 */
final class ConfigValidator {

    static final int MAX_RESULTS = 5000;
    static final int MAX_PAGES = 10_000;
    static final int MAX_ATTEMPTS = 100;
    static final int MAX_CONCURRENCY = 16;
    static final int MAX_PARTITIONS = 1000;
    private static final List<String> GENDERS = List.of("male", "female");
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    ConfigValidator(Clock clock) {
        this.clock = clock;
    }

    FetchConfig validate(FetcherCommand flags) {
        range("--results", flags.results, 1, MAX_RESULTS, " (the API's limit)");
        range("--pages", flags.pages, 1, MAX_PAGES, " (the API's page limit)");
        range("--partitions", flags.partitions, 1, MAX_PARTITIONS, "");
        range("--max-attempts", flags.maxAttempts, 1, MAX_ATTEMPTS, "");
        range("--concurrency", flags.concurrency, 1, MAX_CONCURRENCY, "");
        positive("--connect-timeout", flags.connectTimeout);
        positive("--read-timeout", flags.readTimeout);
        positive("--kafka-timeout", flags.kafkaTimeout);
        positive("--retry-max-delay", flags.retryMaxDelay);
        if (flags.retryBaseDelay.isNegative()) {
            throw FetcherException.usage("--retry-base-delay must not be negative");
        }

        ApiVersion version = ApiVersion.byCode(flags.apiVersion.trim()).orElseThrow(() -> FetcherException.usage(
                "--api-version '" + flags.apiVersion + "' is unknown; allowed: " + ApiVersion.knownCodes()));
        List<String> nationalities = nationalities(flags.nat, version);
        Optional<String> seed = optional(flags.seed);
        Optional<String> gender = gender(flags.gender, seed);
        List<String> include = fields("--inc", flags.inc);
        List<String> exclude = fields("--exc", flags.exc);
        requireKeyField(include, exclude);
        Optional<String> input = input(flags);
        String bootstrapServers = flags.bootstrapServers == null ? "" : flags.bootstrapServers.trim();
        if (!flags.dryRun && bootstrapServers.isEmpty()) {
            throw FetcherException.usage("--bootstrap-servers is empty; give host:port[,host:port...] "
                    + "or set KAFKA_BOOTSTRAP_SERVERS");
        }

        String topicPrefix = topicPrefix(flags.topicPrefix);

        return new FetchConfig(apiUrl(flags.apiUrl), version, flags.results, flags.pages, seed, nationalities, gender,
                include, exclude, runId(flags.runId), bootstrapServers, topicPrefix, flags.partitions, flags.maxAttempts,
                flags.concurrency, flags.connectTimeout, flags.readTimeout, flags.kafkaTimeout, flags.retryBaseDelay,
                flags.retryMaxDelay, input, flags.dryRun);
    }

    private static void range(String flag, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw FetcherException.usage(flag + " must be between " + min + " and " + max + why + ", got " + value);
        }
    }

    private static void positive(String flag, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw FetcherException.usage(flag + " must be a positive duration (e.g. 500ms, 10s, 2m)");
        }
    }

    /** Checked here rather than by the broker, so a bad prefix fails before any page is fetched. */
    private static String topicPrefix(String value) {
        String prefix = value == null ? "" : value;
        TopicPrefix.problem(prefix).ifPresent(problem -> {
            throw FetcherException.usage("--topic-prefix " + problem + " (flag or FETCHER_TOPIC_PREFIX)");
        });
        return prefix;
    }

    private static HttpUrl apiUrl(String value) {
        HttpUrl url = value == null ? null : HttpUrl.parse(value.trim());
        if (url == null) {
            throw FetcherException.usage("--api-url '" + value + "' is not an http:// or https:// URL "
                    + "(flag or RANDOMUSER_API_URL)");
        }
        return url;
    }

    private static List<String> nationalities(String value, ApiVersion version) {
        List<String> codes = new ArrayList<>();
        for (String item : items("--nat", value)) {
            String code = item.toUpperCase(Locale.ROOT);
            if (!version.nationalities().contains(code)) {
                throw FetcherException.usage("--nat '" + item + "' is not a nationality of API version "
                        + version.code() + "; allowed: " + String.join(", ", version.nationalities()));
            }
            codes.add(code);
        }
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    private static Optional<String> gender(String value, Optional<String> seed) {
        Optional<String> gender = optional(value).map(g -> g.toLowerCase(Locale.ROOT));
        if (gender.isPresent() && !GENDERS.contains(gender.get())) {
            throw FetcherException.usage("--gender '" + value + "' is unknown; allowed: " + String.join(", ", GENDERS));
        }
        if (gender.isPresent() && seed.isPresent()) {
            throw FetcherException.usage("--gender cannot be combined with --seed: the API ignores the gender "
                    + "of a seeded request");
        }
        return gender;
    }

    private static List<String> fields(String flag, String value) {
        List<String> fields = new ArrayList<>();
        for (String item : items(flag, value)) {
            String field = item.toLowerCase(Locale.ROOT);
            if (!UserFields.all().contains(field)) {
                throw FetcherException.usage(flag + " '" + item + "' is not a user field; allowed: "
                        + String.join(", ", UserFields.all()));
            }
            fields.add(field);
        }
        return List.copyOf(new LinkedHashSet<>(fields));
    }

    private static void requireKeyField(List<String> include, List<String> exclude) {
        String keyField = UserFields.KEY.topLevelField();
        if (!UserFields.requested(include, exclude).contains(keyField)) {
            throw FetcherException.usage("--inc/--exc must keep '" + keyField + "': "
                    + UserFields.KEY.path() + " is the key of every record");
        }
    }

    private static Optional<String> input(FetcherCommand flags) {
        Optional<String> input = optional(flags.input);
        if (input.isEmpty()) {
            return input;
        }
        if (flags.pages != 1) {
            throw FetcherException.usage("--pages cannot be used with --input: a saved response is one page");
        }
        String path = input.get();
        if (!InputPageSource.STDIN.equals(path) && !Files.isReadable(Path.of(path))) {
            throw FetcherException.usage("--input '" + path + "' is not a readable file (or - for stdin)");
        }
        return input;
    }

    private String runId(String value) {
        return optional(value).orElseGet(() -> "fetch-" + RUN_ID_TIME.format(clock.instant()) + "-"
                + String.format("%08x", ThreadLocalRandom.current().nextInt()));
    }

    /** The comma-separated items of a flag; an empty item (e.g. "gb,,fr") is an error. */
    private static List<String> items(String flag, String value) {
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

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
