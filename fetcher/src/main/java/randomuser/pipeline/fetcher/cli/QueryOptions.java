package randomuser.pipeline.fetcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Option;

import randomuser.pipeline.fetcher.api.ApiVersion;
import randomuser.pipeline.fetcher.api.UserQuery;
import randomuser.pipeline.fetcher.mapping.UserFields;

/** The flags that say which users each page asks for: each one's default, its check and its place in the query. */
final class QueryOptions {

    static final int MAX_RESULTS = 5000;
    private static final List<String> GENDERS = List.of("male", "female");

    @Option(
            names = "--results",
            paramLabel = "N",
            defaultValue = "5000",
            order = 10,
            description = "Users per page, 1..5000 (the API's limit). Default: ${DEFAULT-VALUE}.")
    int results;

    @Option(
            names = "--api-version",
            paramLabel = "V",
            defaultValue = "1.4",
            order = 40,
            description = "Pinned API version: 1.0, 1.1, 1.2, 1.3 or 1.4. Default: ${DEFAULT-VALUE}.")
    String apiVersion;

    @Option(
            names = "--seed",
            paramLabel = "S",
            order = 50,
            description = "Seed for reproducible pages; without it the server's info.seed is recorded.")
    String seed;

    @Option(
            names = "--nat",
            paramLabel = "CODES",
            order = 60,
            description = "Comma-separated nationality codes of the API version, e.g. gb,fr.")
    String nat;

    @Option(
            names = "--gender",
            paramLabel = "male|female",
            order = 70,
            description = "Only this gender (the API ignores it with --seed, so the two are exclusive).")
    String gender;

    @Option(
            names = "--inc",
            paramLabel = "FIELDS",
            order = 80,
            description = "Comma-separated top-level fields to include.")
    String inc;

    @Option(
            names = "--exc",
            paramLabel = "FIELDS",
            order = 90,
            description = "Comma-separated top-level fields to exclude.")
    String exc;

    UserQuery toQuery() {
        FlagChecks.range("--results", results, 1, MAX_RESULTS, " (the API's limit)");
        ApiVersion version = ApiVersion.byCode(apiVersion.trim())
                .orElseThrow(() -> FetcherException.usage(
                        "--api-version '" + apiVersion + "' is unknown; allowed: " + ApiVersion.knownCodes()));
        List<String> nationalities = nationalities(version);
        Optional<String> seedValue = FlagChecks.optional(seed);
        Optional<String> genderValue = gender(seedValue);
        List<String> include = fields("--inc", inc);
        List<String> exclude = fields("--exc", exc);
        requireKeyField(include, exclude);
        return new UserQuery(version, results, seedValue, nationalities, genderValue, include, exclude);
    }

    private List<String> nationalities(ApiVersion version) {
        List<String> codes = new ArrayList<>();
        for (String item : FlagChecks.items("--nat", nat)) {
            String code = item.toUpperCase(Locale.ROOT);
            if (!version.nationalities().contains(code)) {
                throw FetcherException.usage("--nat '" + item + "' is not a nationality of API version "
                        + version.code() + "; allowed: " + String.join(", ", version.nationalities()));
            }
            codes.add(code);
        }
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    private Optional<String> gender(Optional<String> seedValue) {
        Optional<String> value = FlagChecks.optional(gender).map(g -> g.toLowerCase(Locale.ROOT));
        if (value.isPresent() && !GENDERS.contains(value.get())) {
            throw FetcherException.usage(
                    "--gender '" + gender + "' is unknown; allowed: " + String.join(", ", GENDERS));
        }
        if (value.isPresent() && seedValue.isPresent()) {
            throw FetcherException.usage(
                    "--gender cannot be combined with --seed: the API ignores the gender " + "of a seeded request");
        }
        return value;
    }

    private static List<String> fields(String flag, String value) {
        List<String> fields = new ArrayList<>();
        for (String item : FlagChecks.items(flag, value)) {
            String field = item.toLowerCase(Locale.ROOT);
            if (!UserFields.all().contains(field)) {
                throw FetcherException.usage(
                        flag + " '" + item + "' is not a user field; allowed: " + String.join(", ", UserFields.all()));
            }
            fields.add(field);
        }
        return List.copyOf(new LinkedHashSet<>(fields));
    }

    private static void requireKeyField(List<String> include, List<String> exclude) {
        String keyField = UserFields.KEY.topLevelField();
        if (!UserFields.requested(include, exclude).contains(keyField)) {
            throw FetcherException.usage("--inc/--exc must keep '" + keyField + "': " + UserFields.KEY.path()
                    + " is the key of every record");
        }
    }
}
