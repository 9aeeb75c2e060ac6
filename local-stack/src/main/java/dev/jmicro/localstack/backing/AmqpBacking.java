package dev.jmicro.localstack.backing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;

/**
 * An AMQP 1.0 broker: embedded Apache ActiveMQ Artemis with the topology of the RabbitMQ definitions file and a
 * journal on disk, or a running broker (the machine's RabbitMQ in CI) given by an {@code amqp://user:pass@host:port}
 * URL, whose topology was imported from the same file.
 */
public final class AmqpBacking implements BackingService {

    private final EmbeddedActiveMQ embedded;
    private final Endpoint endpoint;
    private final String kind;
    private final AmqpTopology topology;

    private AmqpBacking(EmbeddedActiveMQ embedded, Endpoint endpoint, String kind, AmqpTopology topology) {
        this.embedded = embedded;
        this.endpoint = endpoint;
        this.kind = kind;
        this.topology = topology;
    }

    public static AmqpBacking embedded(Path dataDir, int port, AmqpTopology topology) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("local-stack")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                // The embedded broker is reachable from loopback only; the containers' RabbitMQ has real users.
                .setSecurityEnabled(false)
                // On a busy 2-core laptop the critical analyzer would mistake slowness for a hang and halt the broker.
                .setCriticalAnalyzer(false)
                // Never block producers because the disk is fuller than Artemis likes.
                .setMaxDiskUsage(-1)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        // Like a RabbitMQ exchange: an address a publisher sends to (logs_topic.log.INFO) is multicast, feeding the
        // queues bound by wildcard, and never gets a queue of its own that would swallow the messages.
        config.addAddressSetting(
                "#",
                new AddressSettings()
                        .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                        .setAutoCreateQueues(false)
                        .setAutoDeleteAddresses(false));
        for (AmqpTopology.Queue queue : topology.queues()) {
            config.addQueueConfiguration(QueueConfiguration.of(queue.name())
                    .setAddress(queue.address())
                    .setRoutingType(RoutingType.MULTICAST)
                    .setDurable(true));
            if (queue.deadLetterAddress() != null) {
                config.addAddressSetting(
                        queue.address(),
                        new AddressSettings().setDeadLetterAddress(SimpleString.of(queue.deadLetterAddress())));
            }
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        // No credentials are checked (security is off); services still need some to connect with.
        return new AmqpBacking(broker, new Endpoint("127.0.0.1", port, "guest", "guest"), "artemis", topology);
    }

    /** Options for a protonj2 connection to this broker that signs in with its credentials. */
    public ConnectionOptions connectionOptions() {
        return signIn(endpoint);
    }

    /**
     * PLAIN with the endpoint's user and password. Left to choose, protonj2 negotiates no mechanism with RabbitMQ
     * 3.10, which then takes the connection for its default user (guest, or none at all): the same rule as the
     * services' AmqpSenders.
     */
    private static ConnectionOptions signIn(Endpoint endpoint) {
        ConnectionOptions options =
                new ConnectionOptions().user(endpoint.user()).password(endpoint.password());
        options.saslOptions().addAllowedMechanism("PLAIN");
        return options;
    }

    /** Uses a running broker after checking that it accepts an AMQP 1.0 connection with these credentials. */
    public static AmqpBacking external(URI url) throws Exception {
        Endpoint endpoint = Endpoint.of(url, 5672, "guest", "guest");
        ConnectionOptions options = signIn(endpoint);
        options.openTimeout(5, TimeUnit.SECONDS);
        try (Client client = Client.create();
                Connection connection = client.connect(endpoint.host(), endpoint.port(), options)) {
            connection.openFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "no AMQP 1.0 connection to " + endpoint.host() + ":" + endpoint.port() + " ("
                            + e.getCause().getMessage() + "); on RabbitMQ 3.x enable the rabbitmq_amqp1_0 plugin",
                    e);
        }
        return new AmqpBacking(null, endpoint, "rabbitmq", null);
    }

    /** Where a publisher sends a log event of this level (the exchange {@code logs_topic}, key {@code log.<level>}). */
    public String publishAddress(String level) {
        return String.format(environment().get("AMQP_ADDRESS_LOG_EVENTS"), level);
    }

    /** Where a consumer reads the durable queue of this name. */
    public String queueAddress(String queue) {
        if (topology == null) {
            return "/amq/queue/" + queue;
        }
        return topology.queues().stream()
                .filter(candidate -> candidate.name().equals(queue))
                .map(candidate -> candidate.address() + "::" + queue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue " + queue + " in the topology"));
    }

    /** Stops the embedded broker, as a crash would; its journal keeps the messages for {@link #resume()}. */
    public void pause() throws Exception {
        requireEmbedded().stop();
    }

    public void resume() throws Exception {
        requireEmbedded().start();
    }

    private EmbeddedActiveMQ requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded broker can be paused");
        }
        return embedded;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public String host() {
        return endpoint.host();
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public Backing kind() {
        return Backing.AMQP;
    }

    @Override
    public String name() {
        return "amqp";
    }

    @Override
    public String describe() {
        return "amqp://" + endpoint.host() + ":" + endpoint.port() + " (" + kind + ")";
    }

    /**
     * SmallRye's AMQP connector reads the host, port and credentials under exactly these names. The addresses tell
     * the services where events go, where the listener reads them and where poison goes; the machine's RabbitMQ is
     * 3.x, whose address syntax differs from Artemis' (/exchange/... and /amq/queue/...; 4.x: /exchanges/..., /queues/...).
     */
    @Override
    public Map<String, String> environment() {
        boolean artemis = kind.equals("artemis");
        return Map.of(
                "AMQP_HOST",
                endpoint.host(),
                "AMQP_PORT",
                Integer.toString(endpoint.port()),
                "AMQP_USERNAME",
                endpoint.user(),
                "AMQP_PASSWORD",
                endpoint.password(),
                // %s is the level.
                "AMQP_ADDRESS_LOG_EVENTS",
                artemis ? "logs_topic.log.%s" : "/exchange/logs_topic/log.%s",
                "AMQP_ADDRESS_LOG_QUEUE",
                artemis ? "logs_topic.log.#::log_events" : "/amq/queue/log_events",
                "AMQP_ADDRESS_DEAD_LETTERS",
                artemis ? "logs_dlx" : "/exchange/logs_dlx/log_events",
                "AMQP_BROKER",
                kind);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception e) {
                System.err.println("amqp: stop failed: " + e.getMessage());
            }
        }
    }
}
