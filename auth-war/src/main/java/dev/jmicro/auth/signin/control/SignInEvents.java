package dev.jmicro.auth.signin.control;

import dev.jmicro.support.amqp.AmqpSenders;
import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes each sign-in, success or failure, as a log event {@code {"name":"authentication","data":…}} to the
 * {@code logs_topic} exchange over AMQP 1.0 (routing key {@code log.INFO} or {@code log.WARNING}), for the logger.
 * A sign-in only puts the event in a bounded queue; one thread sends, over one reused connection, and waits for the
 * broker's acceptance. So a broker or logger outage never blocks or fails a sign-in: events wait while the queue has
 * room and are dropped (and counted) beyond that. Without {@code amqp.host} nothing is published.
 */
@ApplicationScoped
public class SignInEvents {

    private static final Logger LOG = Logger.getLogger(SignInEvents.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * One event: the routing level, the JSON body, a message id (the logger stores a redelivered event once) and the
     * trace context of the sign-in, so the event's trace continues from it through the listener to the logger.
     */
    private record Event(String level, String body, String id, String traceparent) {}

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MetricRegistry metrics;

    @Inject
    Config config;

    /** Where events go; {@code %s} is the level. Artemis, RabbitMQ 3 and RabbitMQ 4 spell addresses differently. */
    @Inject
    @ConfigProperty(name = "amqp.address.log-events", defaultValue = "/exchanges/logs_topic/log.%s")
    String addressTemplate;

    @Inject
    @ConfigProperty(name = "auth.events.queue-size", defaultValue = "1000")
    int queueSize;

    private BlockingQueue<Event> queue;
    private volatile boolean running;
    private Thread publisher;
    private AmqpSenders senders;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Optional<AmqpSenders> configured = AmqpSenders.fromConfig(config, Duration.ofSeconds(5));
        if (configured.isEmpty()) {
            LOG.warning("amqp.host is not set: sign-in events are not published");
            return;
        }
        senders = configured.get();
        queue = new ArrayBlockingQueue<>(queueSize);
        running = true;
        publisher = threads.newThread(this::publishLoop);
        publisher.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (publisher != null) {
            publisher.interrupt();
        }
    }

    public void signedIn(String email) {
        offer("INFO", "signed in: " + email);
    }

    public void failed(String email, String client) {
        offer("WARNING", "failed sign-in for " + email + " from " + client);
    }

    private void offer(String level, String data) {
        if (queue == null) {
            return;
        }
        String body = JSON.createObjectBuilder()
                .add("name", "authentication")
                .add("data", data)
                .build()
                .toString();
        Event event = new Event(
                level,
                body,
                UUID.randomUUID().toString(),
                TraceParent.of(Span.current().getSpanContext()));
        if (!queue.offer(event)) {
            metrics.counter("auth.events.dropped").inc();
        }
    }

    /** Sends events one by one; a failed send is repeated after a pause that doubles up to ten seconds. */
    private void publishLoop() {
        long pauseMs = 500;
        Event pending = null;
        while (running) {
            try {
                if (pending == null) {
                    pending = queue.take();
                }
                send(pending);
                metrics.counter("auth.events.published").inc();
                pending = null;
                pauseMs = 500;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ClientException | RuntimeException e) {
                metrics.counter("auth.events.failed").inc();
                LOG.warning("sign-in event not published, retrying in " + pauseMs + " ms: " + e.getMessage());
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pauseMs = Math.min(pauseMs * 2, 10_000);
            }
        }
        senders.close();
    }

    private void send(Event event) throws ClientException {
        // HashMap, not Map.of: the traceparent may be null (then it is left out).
        Map<String, String> properties = new HashMap<>();
        properties.put("traceparent", event.traceparent());
        senders.sendJson(String.format(addressTemplate, event.level()), event.body(), event.id(), properties);
    }
}
