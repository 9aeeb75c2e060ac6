package dev.jmicro.localstack;

/**
 * Why the stack could not start, in one line that names the part: "auth: port 9082 is already in use". The launcher
 * prints the message as it is and exits non-zero.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
