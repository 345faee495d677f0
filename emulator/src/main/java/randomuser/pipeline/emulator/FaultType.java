package randomuser.pipeline.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The failures the emulator can serve instead of (or around) a normal response. Each has the code
 * used by the {@code fault} query parameter and the admin endpoint.
 */
public enum FaultType {
    /** 429 with {@code Retry-After} and the live rate-limit JSON message. */
    RATE_LIMITED("429"),
    /** 500 with an nginx-style HTML page. */
    INTERNAL_SERVER_ERROR("500"),
    /** 502 with a Cloudflare-style HTML page. */
    BAD_GATEWAY("502"),
    /** 503 with an nginx-style HTML page. */
    SERVICE_UNAVAILABLE("503"),
    /** 504 with a Cloudflare-style HTML page. */
    GATEWAY_TIMEOUT("504"),
    /** 200 (or {@code error_status}) with the documented {@code {"error":"Uh oh, ..."}} body. */
    ERROR_BODY("error"),
    /** 200 with the normal JSON cut in half. */
    MALFORMED("malformed"),
    /** 200 with {@code "results":[]} while {@code info.results} says how many were asked for. */
    EMPTY("empty"),
    /** 200 with the first half of the asked users (rounded down) and the full count in info. */
    SHORT("short"),
    /** The normal response after {@code delay_ms} milliseconds. */
    SLOW("slow"),
    /** Headers and half of the body, then a pause of {@code delay_ms}, then the rest. */
    STALL("stall"),
    /** The connection is closed without any response. */
    DISCONNECT("disconnect");

    private final String code;

    FaultType(String code) {
        this.code = code;
    }

    /** The name used in {@code fault=...}. */
    public String code() {
        return code;
    }

    public static Optional<FaultType> fromCode(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(wanted)).findFirst();
    }

    /** All codes, for error messages: {@code 429, 500, ...}. */
    public static String allCodes() {
        return Arrays.stream(values()).map(FaultType::code).collect(Collectors.joining(", "));
    }
}
