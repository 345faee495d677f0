package randomuser.pipeline.fetcher.run;

/** A saved response that cannot be read or is not a usable API response. */
public final class InvalidInputException extends Exception {

    public InvalidInputException(String message) {
        super(message);
    }
}
