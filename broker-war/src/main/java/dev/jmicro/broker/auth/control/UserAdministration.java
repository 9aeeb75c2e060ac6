package dev.jmicro.broker.auth.control;

import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The auth service's user administration. Reads are retried (they are idempotent), changes are not; those that hash
 * a new password may take 2 s. Auth checks every body and who may change what: its refusals come back as
 * {@link Refusal}s.
 */
@ApplicationScoped
@Downstream("auth")
@Timeout(1000)
@CircuitBreaker(skipOn = Refusal.class)
@Bulkhead(20)
public class UserAdministration {

    @Inject
    @RestClient
    UsersClient users;

    @Retry(abortOn = Refusal.class)
    public JsonObject page(Integer page, Integer size, String search) {
        return users.page(page, size, search);
    }

    @Retry(abortOn = Refusal.class)
    public JsonObject passwordPolicy() {
        return users.passwordPolicy();
    }

    @Retry(abortOn = Refusal.class)
    public JsonObject user(long id) {
        return users.user(id);
    }

    @Timeout(4000) // hashes the new password
    public JsonObject create(JsonObject user) {
        return users.create(user);
    }

    public JsonObject update(long id, JsonObject user) {
        return users.update(id, user);
    }

    public JsonObject deactivate(long id) {
        return users.deactivate(id);
    }

    @Timeout(4000) // hashes the new password
    public JsonObject resetPassword(long id, JsonObject reset) {
        return users.resetPassword(id, reset);
    }

    public void delete(long id) {
        users.delete(id);
    }

    @Timeout(4000) // hashes the new password
    public void changeOwnPassword(JsonObject change) {
        users.changeOwnPassword(change);
    }
}
