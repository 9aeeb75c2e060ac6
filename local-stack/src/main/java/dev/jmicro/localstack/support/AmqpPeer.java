package dev.jmicro.localstack.support;

import dev.jmicro.localstack.backing.AmqpBacking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.Tracker;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * A publisher and reader of log events over AMQP 1.0 (Qpid protonj2), as the original publishers and an operator's
 * tools would be: for tests and benchmarks that talk to the broker beside the services.
 */
public final class AmqpPeer implements AutoCloseable {

    /** A message read back: its body and application properties. */
    public record Received(String body, Map<String, Object> properties) {}

    private final AmqpBacking broker;
    private final Client client = Client.create();
    private final Connection connection;
    private final Map<String, Sender> senders = new HashMap<>();

    public AmqpPeer(AmqpBacking broker) throws ClientException {
        this.broker = broker;
        this.connection = client.connect(broker.host(), broker.port(), broker.connectionOptions());
    }

    /**
     * Publishes a body as the original publishers do (a Data section), to {@code logs_topic} with key
     * {@code log.<level>}; waits until the broker has it.
     *
     * @param messageId the AMQP message-id, or null like the original publishers
     * @param properties application properties (e.g. {@code traceparent}); may be empty
     */
    public void publish(String level, String body, String messageId, Map<String, Object> properties)
            throws ClientException {
        publishAsync(level, body, messageId, properties).awaitSettlement(30, TimeUnit.SECONDS);
    }

    /** The same without waiting: the tracker settles when the broker has it. */
    public Tracker publishAsync(String level, String body, String messageId, Map<String, Object> properties)
            throws ClientException {
        String address = broker.publishAddress(level);
        Message<byte[]> message = Message.create(body.getBytes(StandardCharsets.UTF_8));
        message.durable(true);
        // RabbitMQ tells consumers the routing key itself; Artemis passes on the "to" field, so it names it too.
        message.to(address);
        if (messageId != null) {
            message.messageId(messageId);
        }
        for (var property : properties.entrySet()) {
            message.property(property.getKey(), property.getValue());
        }
        return sender(address).send(message);
    }

    private Sender sender(String address) throws ClientException {
        Sender sender = senders.get(address);
        if (sender == null) {
            sender = connection.openSender(address);
            senders.put(address, sender);
        }
        return sender;
    }

    /** Takes (accepts) every message that arrives on a queue within the wait, up to {@code max}. */
    public List<Received> drain(String queue, int max, long waitMillis) throws ClientException {
        List<Received> taken = new ArrayList<>();
        try (Receiver receiver = connection.openReceiver(broker.queueAddress(queue), new ReceiverOptions())) {
            while (taken.size() < max) {
                Delivery delivery = receiver.receive(waitMillis, TimeUnit.MILLISECONDS);
                if (delivery == null) {
                    break;
                }
                Message<Object> message = delivery.message();
                Map<String, Object> properties = new HashMap<>();
                message.forEachProperty(properties::put);
                taken.add(new Received(bodyOf(message.body()), properties));
                delivery.accept();
            }
        }
        return taken;
    }

    private static String bodyOf(Object body) {
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(body);
    }

    @Override
    public void close() {
        connection.close();
        client.close();
    }
}
