package randomuser.pipeline.fetcher.api;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The response's {@code info} object. Every part is optional: {@code noinfo} removes it and saved files
 * may lack it.
 */
public record ApiInfo(
        Optional<String> seed, Optional<Integer> results, Optional<Integer> page, Optional<String> version) {

    public static final ApiInfo NONE =
            new ApiInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    static ApiInfo from(JsonNode info) {
        if (info == null || !info.isObject()) {
            return NONE;
        }
        return new ApiInfo(
                text(info.get("seed")),
                integer(info.get("results")),
                integer(info.get("page")),
                text(info.get("version")));
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Integer> integer(JsonNode node) {
        return node != null && node.canConvertToInt() && node.isIntegralNumber()
                ? Optional.of(node.intValue())
                : Optional.empty();
    }
}
