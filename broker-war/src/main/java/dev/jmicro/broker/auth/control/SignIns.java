package dev.jmicro.broker.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.OptionalLong;

/**
 * A sign-in as both the original {@code /handle} and {@code /api/auth/token} do it: the client's rate limit first,
 * then auth, told who the client is ({@code X-Forwarded-For}) for its own throttling.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    SignInRateLimit rateLimit;

    @Inject
    Authenticator auth;

    /** The signed-in user; {@link InvalidCredentials} or {@link TooManySignIns} when not. */
    public JsonObject authenticate(JsonObject credentials, String client) {
        requireWithinLimit(client);
        return auth.authenticate(credentials, client);
    }

    /** A signed token; {@link TooManySignIns} or auth's refusal when not. */
    public JsonObject token(JsonObject credentials, String client) {
        requireWithinLimit(client);
        return auth.token(credentials, client);
    }

    private void requireWithinLimit(String client) {
        OptionalLong wait = rateLimit.tryAcquire(client);
        if (wait.isPresent()) {
            throw new TooManySignIns(wait.getAsLong());
        }
    }
}
