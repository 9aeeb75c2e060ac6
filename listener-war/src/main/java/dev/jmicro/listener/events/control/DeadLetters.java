package dev.jmicro.listener.events.control;

import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a message that can never be stored to the dead-letter exchange {@code logs_dlx} (queue
 * {@code log_events.dead}), with the reason in its application properties ({@code x-dead-letter-reason}), the
 * original routing and message id, so someone can see why and replay it. A broker rejection would dead-letter it too,
 * but without our reason.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    @Channel("dead-letters")
    Emitter<String> emitter;

    @Inject
    MetricRegistry metrics;

    /** Completes once the broker has the dead letter; fails if it could not be sent. */
    public CompletionStage<Void> send(String body, String reason, String routing, String messageId) {
        JsonObject properties = new JsonObject().put("x-dead-letter-reason", reason);
        if (routing != null) {
            properties.put("x-original-routing", routing);
        }
        if (messageId != null) {
            properties.put("x-original-message-id", messageId);
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Message<String> letter = Message.of(body == null ? "" : body)
                .addMetadata(OutgoingAmqpMetadata.builder()
                        .withDurable(true)
                        .withContentType("application/json")
                        .withApplicationProperties(properties)
                        .build())
                .withAck(() -> {
                    metrics.counter("listener.events.dead-lettered").inc();
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(letter);
        return sent;
    }
}
