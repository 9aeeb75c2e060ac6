package dev.jmicro.broker.mail.control;

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
 * Sends through the mail service, which queues the mail durably and answers at once. Retried once: the idempotency
 * key makes a repeated send the same mail.
 */
@ApplicationScoped
@Downstream("mail")
@Timeout(1000)
@CircuitBreaker(requestVolumeThreshold = 40, failureRatio = 0.75, delay = 5000, successThreshold = 1)
@Bulkhead(20)
public class MailGateway {

    @Inject
    @RestClient
    MailClient mail;

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response send(JsonObject message, String idempotencyKey) {
        return Relay.of(mail.send(message, idempotencyKey));
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response delivery(String id) {
        return Relay.of(mail.delivery(id));
    }
}
