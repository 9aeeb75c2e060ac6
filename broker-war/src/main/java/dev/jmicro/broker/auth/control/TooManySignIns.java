package dev.jmicro.broker.auth.control;

/** The client has used up its sign-ins for the current window; it may try again after {@code retryAfterSeconds}. */
public class TooManySignIns extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManySignIns(long retryAfterSeconds) {
        super("too many sign-ins from this client; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
