package randomuser.pipeline.fetcher.cli;

/**
 * A failure the user can act on: printed as one line (no stack trace) and turned into the exit code.
 * Usage errors (bad flags, unreachable brokers, an API version the server does not know) exit with 2,
 * run failures (a page that could not be fetched, an invalid input file, unacknowledged records) with 1.
 */
public final class FetcherException extends RuntimeException {

    public static final int USAGE = 2;
    public static final int FAILURE = 1;

    private final int exitCode;

    private FetcherException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static FetcherException usage(String message) {
        return new FetcherException(USAGE, message, null);
    }

    public static FetcherException failure(String message) {
        return new FetcherException(FAILURE, message, null);
    }

    public static FetcherException failure(String message, Throwable cause) {
        return new FetcherException(FAILURE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
