package dev.jmicro.support.amqp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.Tracker;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.eclipse.microprofile.config.Config;

/**
 * Durable sends to an AMQP 1.0 broker (RabbitMQ, Artemis) over one connection, with one sender per address, opened on
 * first use and reused by every caller. A send returns once the broker has accepted the message (a publisher confirm);
 * any failure drops the connection, and the next send opens a new one. Settings from {@code amqp.host},
 * {@code amqp.port}, {@code amqp.username}, {@code amqp.password} ({@code AMQP_HOST}, …).
 */
public final class AmqpSenders implements AutoCloseable {

    private final String host;
    private final int port;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Duration timeout;
    private final Map<String, Sender> senders = new ConcurrentHashMap<>();
    private Client client;
    private Connection connection;

    private AmqpSenders(String host, int port, Optional<String> username, Optional<String> password, Duration timeout) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
    }

    /** Empty when {@code amqp.host} is not configured. */
    public static Optional<AmqpSenders> fromConfig(Config config, Duration timeout) {
        return config.getOptionalValue("amqp.host", String.class)
                .filter(host -> !host.isBlank())
                .map(host -> new AmqpSenders(
                        host,
                        config.getOptionalValue("amqp.port", Integer.class).orElse(5672),
                        config.getOptionalValue("amqp.username", String.class),
                        config.getOptionalValue("amqp.password", String.class),
                        timeout));
    }

    /**
     * Sends a durable JSON message and waits for the broker's acceptance; a refusal or a failure throws and drops the
     * connection. The message carries the address as {@code to} too: RabbitMQ tells consumers the routing key itself,
     * Artemis passes on only {@code to}. Application properties with a null value are left out.
     */
    public void sendJson(String address, String json, String messageId, Map<String, String> properties)
            throws ClientException {
        Message<byte[]> message = Message.create(json.getBytes(StandardCharsets.UTF_8))
                .contentType("application/json")
                .durable(true)
                .messageId(messageId)
                .to(address);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (property.getValue() != null) {
                message.property(property.getKey(), property.getValue());
            }
        }
        send(address, message);
    }

    private void send(String address, Message<?> message) throws ClientException {
        try {
            Tracker tracker = sender(address).send(message);
            tracker.awaitSettlement(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!tracker.remoteState().isAccepted()) {
                throw new IllegalStateException("the broker did not accept the message: " + tracker.remoteState());
            }
        } catch (ClientException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private synchronized Sender sender(String address) throws ClientException {
        Sender sender = senders.get(address);
        if (sender != null) {
            return sender;
        }
        if (connection == null) {
            ConnectionOptions options = new ConnectionOptions()
                    .openTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .sendTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            username.ifPresent(options::user);
            password.ifPresent(options::password);
            if (username.isPresent()) {
                // With credentials, sign in with them: left to choose, protonj2 negotiated no mechanism with
                // RabbitMQ 3.10, which then took the connection for its default user (guest, or none at all).
                options.saslOptions().addAllowedMechanism("PLAIN");
            }
            client = Client.create();
            connection = client.connect(host, port, options);
        }
        sender = connection.openSender(address);
        senders.put(address, sender);
        return sender;
    }

    @Override
    public synchronized void close() {
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
