package randomuser.pipeline.fetcher.api;

/** A response body that is not a usable API page; the message says what the body was. */
public final class InvalidResponseException extends Exception {

    public InvalidResponseException(String message) {
        super(message);
    }
}
