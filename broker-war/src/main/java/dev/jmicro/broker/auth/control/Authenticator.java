package dev.jmicro.broker.signin.control;

import dev.jmicro.broker.downstream.control.DependencyDown;
import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Relay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call to the auth service, each guarded: a timeout, a circuit breaker and a bulkhead, and the 503 fallback.
 * Only reads are retried; a sign-in is not (auth counts failed ones). Calls that hash or check a password have the
 * longest timeout: bcrypt at cost 12 alone takes 0.2–0.4 s and queues behind others under load.
 */
@ApplicationScoped
@Downstream("auth")
@Timeout(1000)
@CircuitBreaker(requestVolumeThreshold = 40, failureRatio = 0.75, delay = 5000, successThreshold = 1)
@Bulkhead(20)
public class AuthGateway {

    @Inject
    @RestClient
    AuthClient auth;

    @Timeout(2000)
    @Fallback(DependencyDown.class)
    public Response authenticate(JsonObject credentials, String client) {
        return Relay.of(auth.authenticate(credentials, client));
    }

    @Timeout(2000)
    @Fallback(DependencyDown.class)
    public Response token(JsonObject credentials, String client) {
        return Relay.of(auth.token(credentials, client));
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response users(Integer page, Integer size, String search) {
        return Relay.of(auth.users(page, size, search));
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response revocations() {
        return Relay.of(auth.revocations());
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response passwordPolicy() {
        return Relay.of(auth.passwordPolicy());
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response user(long id) {
        return Relay.of(auth.user(id));
    }

    @Timeout(2000) // hashes the new password
    @Fallback(DependencyDown.class)
    public Response createUser(JsonObject user) {
        return Relay.of(auth.createUser(user));
    }

    @Fallback(DependencyDown.class)
    public Response updateUser(long id, JsonObject user) {
        return Relay.of(auth.updateUser(id, user));
    }

    @Fallback(DependencyDown.class)
    public Response deactivateUser(long id) {
        return Relay.of(auth.deactivateUser(id));
    }

    @Timeout(2000) // hashes the new password
    @Fallback(DependencyDown.class)
    public Response resetPassword(long id, JsonObject reset) {
        return Relay.of(auth.resetPassword(id, reset));
    }

    @Fallback(DependencyDown.class)
    public Response deleteUser(long id) {
        return Relay.of(auth.deleteUser(id));
    }

    @Timeout(2000)
    @Fallback(DependencyDown.class)
    public Response changeOwnPassword(JsonObject change) {
        return Relay.of(auth.changeOwnPassword(change));
    }
}
