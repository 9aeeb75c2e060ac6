package dev.jmicro.auth.signin.control;

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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.Tracker;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
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
    @ConfigProperty(name = "amqp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "amqp.port", defaultValue = "5672")
    int port;

    @Inject
    @ConfigProperty(name = "amqp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "amqp.password")
    Optional<String> password;

    /** Where events go; {@code %s} is the level. Artemis, RabbitMQ 3 and RabbitMQ 4 spell addresses differently. */
    @Inject
    @ConfigProperty(name = "amqp.address.log-events", defaultValue = "logs_topic.log.%s")
    String addressTemplate;

    @Inject
    @ConfigProperty(name = "auth.events.queue-size", defaultValue = "1000")
    int queueSize;

    private BlockingQueue<Event> queue;
    private volatile boolean running;
    private Thread publisher;
    private Client client;
    private Connection connection;
    private final Map<String, Sender> senders = new HashMap<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (host.isEmpty() || host.get().isBlank()) {
            LOG.warning("amqp.host is not set: sign-in events are not published");
            return;
        }
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
                disconnect();
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pauseMs = Math.min(pauseMs * 2, 10_000);
            }
        }
        disconnect();
    }

    private void send(Event event) throws ClientException {
        String address = String.format(addressTemplate, event.level());
        Message<byte[]> message = Message.create(event.body().getBytes(StandardCharsets.UTF_8))
                .contentType("application/json")
                .durable(true)
                .messageId(event.id())
                // RabbitMQ tells consumers the routing key itself; Artemis passes on "to", so name it here too.
                .to(address);
        if (event.traceparent() != null) {
            message.property("traceparent", event.traceparent());
        }
        Tracker tracker = sender(address).send(message);
        tracker.awaitSettlement(5, TimeUnit.SECONDS);
        if (!tracker.remoteState().isAccepted()) {
            throw new IllegalStateException("the broker did not accept the event: " + tracker.remoteState());
        }
    }

    private Sender sender(String address) throws ClientException {
        if (connection == null) {
            ConnectionOptions options = new ConnectionOptions().openTimeout(3, TimeUnit.SECONDS);
            username.ifPresent(options::user);
            password.ifPresent(options::password);
            client = Client.create();
            connection = client.connect(host.orElseThrow(), port, options);
        }
        Sender sender = senders.get(address);
        if (sender == null) {
            sender = connection.openSender(address);
            senders.put(address, sender);
        }
        return sender;
    }

    private void disconnect() {
        senders.clear();
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
