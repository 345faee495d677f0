package randomuser.pipeline.fetcher.api;

/** A page that could not be fetched: retries exhausted, or a failure that retrying cannot fix. */
public final class PageFetchException extends Exception {

    /** Why the fetch stopped; the exit code follows from it. */
    public enum Kind {
        /** Every attempt failed with a transient failure. */
        RETRIES_EXHAUSTED,
        /** HTTP 404: the server has no such API version (or the URL is not a Random User API). */
        NOT_FOUND,
        /** Another 4xx status: retrying the same request cannot help. */
        REJECTED
    }

    private final Kind kind;
    private final int attempts;

    public PageFetchException(Kind kind, int attempts, String message) {
        super(message);
        this.kind = kind;
        this.attempts = attempts;
    }

    public Kind kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }
}
