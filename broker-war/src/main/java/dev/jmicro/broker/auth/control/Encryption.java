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
 * Encryption at the auth service, guarded as every auth call is. Each call is retried once: a repeated decryption is
 * the same answer, and a repeated encryption only a second valid ciphertext of which the caller gets one.
 */
@ApplicationScoped
@Downstream("auth")
@Timeout(1000)
@CircuitBreaker(skipOn = Refusal.class)
@Bulkhead(20)
@Retry(abortOn = Refusal.class)
public class Encryption {

    @Inject
    @RestClient
    CryptoClient crypto;

    /** {@code {ciphertext, key, version}}. */
    public JsonObject encrypt(JsonObject request) {
        return crypto.encrypt(request);
    }

    /** {@code {plaintext, key, version, newest}}. */
    public JsonObject decrypt(JsonObject request) {
        return crypto.decrypt(request);
    }

    /** Key names and versions, never key material. */
    public JsonObject keys() {
        return crypto.keys();
    }
}
