package dev.jmicro.auth.users.control;

/** Why the user directory refused a read or a change; the boundary maps each reason to a status. */
public class UserRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Reason {
        /** No user has the id. */
        NO_SUCH_USER,
        /** A user changing their own password did not give the current one. */
        WRONG_CURRENT_PASSWORD,
        /** A new password breaks the password rule; the message says the rule. */
        WEAK_PASSWORD,
        /** The change would leave no active administrator. */
        LAST_ADMINISTRATOR,
        /** Another user has the e-mail address. */
        EMAIL_TAKEN
    }

    private final Reason reason;

    UserRefusal(Reason reason, String message) {
        super(message, null, false, false); // no stack trace: a refusal is an answer, not a failure
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
