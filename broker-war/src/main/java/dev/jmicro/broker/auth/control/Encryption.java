package dev.jmicro.broker.crypto.control;

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
 * Encryption at the auth service, guarded as every auth call is. Each call is retried once: a repeated decryption is
 * the same answer, and a repeated encryption only a second valid ciphertext of which the caller gets one.
 */
@ApplicationScoped
@Downstream("auth")
@Timeout(1000)
@CircuitBreaker(requestVolumeThreshold = 40, failureRatio = 0.75, delay = 5000, successThreshold = 1)
@Bulkhead(20)
@Retry(maxRetries = 1, delay = 50, jitter = 25)
public class CryptoGateway {

    @Inject
    @RestClient
    CryptoClient crypto;

    @Fallback(DependencyDown.class)
    public Response encrypt(JsonObject request) {
        return Relay.of(crypto.encrypt(request));
    }

    @Fallback(DependencyDown.class)
    public Response decrypt(JsonObject request) {
        return Relay.of(crypto.decrypt(request));
    }

    @Fallback(DependencyDown.class)
    public Response keys() {
        return Relay.of(crypto.keys());
    }
}
