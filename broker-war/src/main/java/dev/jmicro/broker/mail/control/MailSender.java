package dev.jmicro.broker.mail.control;

import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends through the mail service, which queues the mail durably and answers at once. Retried: the idempotency key
 * makes a repeated send the same mail.
 */
@ApplicationScoped
@Downstream("mail")
@Timeout(1000)
@CircuitBreaker(skipOn = Refusal.class)
@Bulkhead(20)
@Retry(abortOn = Refusal.class)
public class MailSender {

    /** A mail in the outbox: mail's answer and the id to ask about its delivery. */
    public record Queued(JsonObject answer, String id) {}

    @Inject
    @RestClient
    MailClient mail;

    public Queued send(JsonObject message, String idempotencyKey) {
        try (Response answer = mail.send(message, idempotencyKey)) {
            String path =
                    answer.getLocation() == null ? "" : answer.getLocation().getPath();
            return new Queued(answer.readEntity(JsonObject.class), path.substring(path.lastIndexOf('/') + 1));
        }
    }

    /** Where a mail is: {@code {id, state, …}}. */
    public JsonObject delivery(String id) {
        return mail.delivery(id);
    }
}
