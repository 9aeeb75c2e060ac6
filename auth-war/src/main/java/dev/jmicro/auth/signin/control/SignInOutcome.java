package dev.jmicro.auth.signin.control;

import dev.jmicro.auth.users.entity.User;
import java.time.Duration;

/** What a sign-in attempt came to. */
public sealed interface SignInOutcome {

    /** Right credentials of an active user. */
    record SignedIn(User user) implements SignInOutcome {}

    /** Wrong address, wrong password or inactive user: deliberately one answer. */
    record Refused() implements SignInOutcome {}

    /** Too many failures for the account or from the client; try again after {@code retryAfter}. */
    record Locked(Duration retryAfter) implements SignInOutcome {

        /** Whole seconds for a Retry-After header, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds());
        }
    }
}
