package randomuser.pipeline.fetcher.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Random User API versions served by the open-source generator, each with the nationality codes it
 * accepts (from the API's documentation). Older proxied versions (0.x) are unsupported on purpose.
 */
public enum ApiVersion {
    V1_0("1.0", "AU BR CA CH DE DK ES FI FR GB IE IR NL NZ TR US"),
    V1_1("1.1", "AU BR CA CH DE DK ES FI FR GB IE IR NL NZ TR US"),
    V1_2("1.2", "AU BR CA CH DE DK ES FI FR GB IE IR NO NL NZ TR US"),
    V1_3("1.3", "AU BR CA CH DE DK ES FI FR GB IE IR NO NL NZ TR US"),
    V1_4("1.4", "AU BR CA CH DE DK ES FI FR GB IE IN IR MX NL NO NZ RS TR UA US");

    /** The version the fetcher pins by default: the facet schema follows its user shape. */
    public static final ApiVersion DEFAULT = V1_4;

    private final String code;
    private final List<String> nationalities;

    ApiVersion(String code, String nationalities) {
        this.code = code;
        this.nationalities = List.of(nationalities.split(" "));
    }

    public String code() {
        return code;
    }

    /** Upper-case nationality codes this version accepts in {@code nat}. */
    public List<String> nationalities() {
        return nationalities;
    }

    public static Optional<ApiVersion> byCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    public static String knownCodes() {
        return Arrays.stream(values()).map(ApiVersion::code).collect(Collectors.joining(", "));
    }
}
