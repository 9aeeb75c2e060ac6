package dev.jmicro.listener.events.boundary;

import dev.jmicro.listener.events.control.DeadLetters;
import dev.jmicro.listener.events.control.EventBatcher;
import dev.jmicro.listener.events.control.EventTracing;
import dev.jmicro.listener.events.control.LogEventDecoder;
import dev.jmicro.listener.events.control.Undeliverable;
import dev.jmicro.listener.events.entity.LogEvent;
import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the durable {@code log_events} queue (bound to {@code logs_topic} with {@code log.#}). Each message is
 * acknowledged only after the logger stored its event; a message that can never be stored goes to the dead-letter
 * queue with the reason. Returning once the batcher has room (not once the event is stored) keeps a window of events
 * in flight, which is what lets the listener batch.
 */
@ApplicationScoped
public class LogEventConsumer {

    private static final Logger LOG = Logger.getLogger(LogEventConsumer.class.getName());
    private static final Symbol ROUTING_KEY = Symbol.valueOf("x-routing-key");
    private static final String QUEUE = "log_events";

    @Inject
    EventBatcher batcher;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventTracing tracing;

    @Inject
    MetricRegistry metrics;

    /** Looked up once: a registry lookup per message showed up in profiles of the pipeline benchmark. */
    private Counter consumed;

    @PostConstruct
    void registerMetrics() {
        consumed = metrics.counter("listener.events.consumed");
    }

    @Incoming("log-events")
    public CompletionStage<Void> consume(Message<?> message) {
        consumed.inc();
        IncomingAmqpMetadata amqp =
                message.getMetadata(IncomingAmqpMetadata.class).orElse(null);
        String body = bodyOf(message.getPayload());
        String routing = routingOf(amqp);
        String messageId = amqp == null ? null : amqp.getId();
        Span span = tracing.received(traceparentOf(amqp), QUEUE, messageId);
        LogEvent event;
        try {
            event = LogEventDecoder.decode(body, routing, messageId, TraceParent.of(span.getSpanContext()));
        } catch (Undeliverable poison) {
            EventTracing.settled(span, poison.getMessage());
            return deadLetter(message, body, poison.getMessage(), routing, messageId);
        }
        CompletableFuture<EventBatcher.Outcome> done = new CompletableFuture<>();
        done.thenAccept(outcome -> {
            EventTracing.settled(span, outcome.refusal());
            if (outcome.stored()) {
                message.ack();
            } else {
                deadLetter(message, body, outcome.refusal(), routing, messageId);
            }
        });
        return batcher.submit(event, done);
    }

    /**
     * Dead-letters a message, then acknowledges it. If even the dead-letter exchange cannot be reached, the message
     * is rejected instead: the queue's own dead-letter exchange takes it, without our reason but not lost.
     */
    private CompletionStage<Void> deadLetter(
            Message<?> message, String body, String reason, String routing, String messageId) {
        LOG.warning("dead-lettering message " + messageId + ": " + reason);
        return deadLetters
                .send(body, reason, routing, messageId)
                .thenCompose(sent -> message.ack())
                .exceptionallyCompose(failure -> message.nack(failure));
    }

    /** The body as text, whatever AMQP section the publisher used. */
    static String bodyOf(Object payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof JsonObject || payload instanceof JsonArray) {
            return payload.toString();
        }
        return payload.toString();
    }

    /** RabbitMQ names the routing key in a message annotation; Artemis keeps the address the event was sent to. */
    private static String routingOf(IncomingAmqpMetadata amqp) {
        if (amqp == null) {
            return null;
        }
        MessageAnnotations annotations = amqp.getMessageAnnotations();
        if (annotations != null && annotations.getValue() != null) {
            Object key = annotations.getValue().get(ROUTING_KEY);
            if (key != null) {
                return key.toString();
            }
        }
        return amqp.getAddress();
    }

    private static String traceparentOf(IncomingAmqpMetadata amqp) {
        if (amqp == null || amqp.getProperties() == null) {
            return null;
        }
        Object value = amqp.getProperties().getValue("traceparent");
        return value == null ? null : value.toString();
    }
}
