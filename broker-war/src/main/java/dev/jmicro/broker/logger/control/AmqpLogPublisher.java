package dev.jmicro.broker.logger.control;

import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.support.amqp.AmqpSenders;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Publishes log events to the listener's exchange {@code logs_topic} (routing key {@code log.<LEVEL>}) over AMQP 1.0
 * and returns only once the broker has accepted the message (a publisher confirm): the event is then in a durable
 * queue. One connection and one sender per address are reused by every request ({@link AmqpSenders}). A retry is safe: the message id is the event's key, and the logger stores
 * a key once.
 */
@ApplicationScoped
@Downstream("amqp")
public class AmqpLogPublisher {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Config config;

    /** {@code %s} is the level; Artemis, RabbitMQ 3 and RabbitMQ 4 spell addresses differently. */
    @Inject
    @ConfigProperty(name = "amqp.address.log-events", defaultValue = "/exchanges/logs_topic/log.%s")
    String addressTemplate;

    private AmqpSenders senders;

    @PostConstruct
    void open() {
        senders = AmqpSenders.fromConfig(config, Duration.ofMillis(900))
                .orElseThrow(() -> new IllegalStateException("amqp.host is not set"));
    }

    @PreDestroy
    void close() {
        senders.close();
    }

    @Timeout(1000)
    @Retry
    @CircuitBreaker
    @Bulkhead(50)
    public void publish(LogEvent event) {
        String address = String.format(addressTemplate, event.level());
        String body = JSON.createObjectBuilder()
                .add("name", event.name())
                .add("data", event.data())
                .build()
                .toString();
        Map<String, String> properties = new HashMap<>(); // the traceparent may be null: then it is left out
        properties.put("request-id", event.requestId());
        properties.put("traceparent", event.traceparent());
        try {
            senders.sendJson(address, body, event.key(), properties);
        } catch (ClientException e) {
            // Unchecked, so that callers need not know the transport; DependencyGuard names it "not reachable".
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
