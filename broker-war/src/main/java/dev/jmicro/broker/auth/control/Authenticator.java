package dev.jmicro.broker.auth.control;

import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sign-ins and tokens at the auth service. A sign-in is not retried (auth counts failed ones) and may take 2 s: bcrypt
 * at cost 12 alone takes 0.2–0.4 s and queues behind others under load. The circuit breaker's and retry's numbers are
 * the configuration's ({@code CircuitBreaker/*}, {@code Retry/*}).
 */
@ApplicationScoped
@Downstream("auth")
@CircuitBreaker(skipOn = Refusal.class)
@Bulkhead(20)
public class Authenticator {

    @Inject
    @RestClient
    AuthClient auth;

    /**
     * The user the credentials belong to, as auth describes them (never a password or hash). 4 s: bcrypt at cost 12
     * takes 0.2–0.4 s of a core, and under load sign-ins queue for the cores (the soak saw 1.3–2.7 s at p99).
     */
    @Timeout(4000)
    public JsonObject authenticate(JsonObject credentials, String client) {
        try {
            JsonValue user = auth.authenticate(credentials, client).get("data");
            return user instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (Refusal refusal) {
            throw refusal.status() == 401 ? new InvalidCredentials(refusal) : refusal;
        }
    }

    /** A signed token: {@code {access_token, token_type, expires_in}}; checks the password like a sign-in. */
    @Timeout(4000)
    public JsonObject token(JsonObject credentials, String client) {
        return auth.token(credentials, client);
    }

    /** Auth's list of revoked users' tokens; a read, retried. */
    @Timeout(1000)
    @Retry(abortOn = Refusal.class)
    public JsonObject revocations() {
        return auth.revocations();
    }
}
