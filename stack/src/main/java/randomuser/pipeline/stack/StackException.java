package randomuser.pipeline.stack;

/**
 * A failure the user can act on: the message says what went wrong and what to do, so the CLI prints it
 * as it is, without a stack trace, and exits non-zero.
 */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
