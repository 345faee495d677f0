package randomuser.pipeline.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * One fault to serve, with its options.
 *
 * @param type              what goes wrong
 * @param retryAfterSeconds the {@code Retry-After} header of a 429 ({@code retry_after}, default 1)
 * @param delayMillis       the pause of {@code slow} and {@code stall} ({@code delay_ms}, default 2000)
 * @param errorStatus       the HTTP status of an {@code error} body ({@code error_status}, default 200)
 */
public record Fault(FaultType type, int retryAfterSeconds, long delayMillis, int errorStatus) {

    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    public static final long DEFAULT_DELAY_MILLIS = 2000;
    /** Upper bound of {@code delay_ms}, so a typo cannot park a server thread for hours. */
    public static final long MAX_DELAY_MILLIS = 300_000;

    public Fault {
        if (type == null) {
            throw new IllegalArgumentException("fault type is required");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry_after must be 0 or more seconds, got " + retryAfterSeconds);
        }
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException(
                    "delay_ms must be between 0 and " + MAX_DELAY_MILLIS + ", got " + delayMillis);
        }
        if (errorStatus < 200 || errorStatus > 599) {
            throw new IllegalArgumentException("error_status must be an HTTP status 200..599, got " + errorStatus);
        }
    }

    /** The fault with its default options. */
    public static Fault of(FaultType type) {
        return new Fault(type, DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_DELAY_MILLIS, 200);
    }

    public Fault withRetryAfterSeconds(int seconds) {
        return new Fault(type, seconds, delayMillis, errorStatus);
    }

    public Fault withDelayMillis(long millis) {
        return new Fault(type, retryAfterSeconds, millis, errorStatus);
    }

    public Fault withErrorStatus(int status) {
        return new Fault(type, retryAfterSeconds, delayMillis, status);
    }

    /**
     * The fault named by {@code fault} in request parameters, with {@code retry_after}, {@code delay_ms}
     * and {@code error_status}; empty when there is no {@code fault} parameter or it is {@code none}.
     *
     * @throws IllegalArgumentException with a message for the caller when a value is not valid
     */
    public static Optional<Fault> fromParameters(Map<String, String> params) {
        String code = params.get("fault");
        if (code == null || code.isBlank() || code.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        FaultType type = FaultType.fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown fault '" + code + "'; use one of: " + FaultType.allCodes() + ", none"));
        Fault fault = of(type);
        if (params.containsKey("retry_after")) {
            fault = fault.withRetryAfterSeconds(integer(params, "retry_after"));
        }
        if (params.containsKey("delay_ms")) {
            fault = fault.withDelayMillis(integer(params, "delay_ms"));
        }
        if (params.containsKey("error_status")) {
            fault = fault.withErrorStatus(integer(params, "error_status"));
        }
        return Optional.of(fault);
    }

    /** True when the parameters say {@code fault=none}. */
    static boolean explicitlyNone(Map<String, String> params) {
        String code = params.get("fault");
        return code != null && code.strip().equalsIgnoreCase("none");
    }

    private static int integer(Map<String, String> params, String name) {
        String value = params.get(name);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }
}
