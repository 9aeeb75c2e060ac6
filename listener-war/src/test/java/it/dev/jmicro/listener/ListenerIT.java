package it.dev.jmicro.listener;

import static dev.jmicro.localstack.testing.Eventually.eventually;
import static dev.jmicro.localstack.testing.Eventually.staysSo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.support.AmqpPeer;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Tracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listener and the logger on real Liberty servers, with a real AMQP 1.0 broker: embedded Artemis with the
 * topology of the RabbitMQ definitions file, or the broker named by {@code -Dit.amqp.url} (CI: the machine's
 * RabbitMQ). Events are published as the original publishers do; what counts is what the logger stored in the end.
 * Every test uses its own event name, so events left in a shared broker by earlier runs do not disturb it.
 */
class ListenerIT {

    /** On the machine's RabbitMQ where CI names it ({@code -Dit.amqp.url}), else on the embedded broker. */
    @RegisterExtension
    static final TestStack STACK = TestStack.of(StackOptions.forTests("listener-war/target/it-stack")
            .services(Set.of(Service.LOGGER, Service.LISTENER))
            .zipkin(false));

    private static LocalStack stack;
    private static AmqpBacking broker;
    private AmqpPeer peer;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        stack = STACK.stack();
        broker = stack.backing(AmqpBacking.class).orElseThrow();
        token = Tokens.signed(stack.secrets(), "reader@example.com", "user");
    }

    @BeforeEach
    void connect() throws Exception {
        peer = new AmqpPeer(broker);
    }

    @AfterEach
    void disconnect() {
        peer.close();
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String event(String name, String data) {
        return Bodies.object("name", name, "data", data).toString();
    }

    private static JsonObject storedNamed(String name) {
        HttpResponse<String> page =
                Http.getWithToken(stack.server(Service.LOGGER).url().resolve("logs?size=200&name=" + name), token);
        assertEquals(200, page.statusCode(), page.body());
        return Http.object(page);
    }

    private static long countNamed(String name) {
        return storedNamed(name).getJsonNumber("total").longValue();
    }

    /** Publishes {@code count} events of one name, each with its own message-id, pipelined. */
    private void publishMany(String name, int count) throws Exception {
        List<Tracker> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(peer.publishAsync("INFO", event(name, "n" + i), name + "/" + i, Map.of()));
        }
        for (Tracker tracker : sent) {
            tracker.awaitSettlement(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes dead letters whose body contains the marker until there are {@code wanted} of them or 30 s have passed;
     * letters of other tests and earlier runs are taken and dropped.
     */
    private List<AmqpPeer.Received> deadLettersContaining(String marker, int wanted) throws Exception {
        List<AmqpPeer.Received> dead = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (dead.size() < wanted && System.nanoTime() < deadline) {
            peer.drain("log_events.dead", 100, 1000).stream()
                    .filter(letter -> letter.body().contains(marker))
                    .forEach(dead::add);
        }
        return dead;
    }

    private static double metric(String name) {
        return stack.server(Service.LISTENER).metric(name);
    }

    @Test
    void anEventPublishedLikeTheOriginalIsStoredWithTheLevelOfItsRoutingKey() throws Exception {
        String name = unique("original");
        peer.publish("WARNING", event(name, "disk almost full"), null, Map.of());

        eventually(Duration.ofSeconds(30), () -> countNamed(name), seen -> seen == 1, "stored once");
        JsonObject entry = storedNamed(name).getJsonArray("items").getJsonObject(0);
        assertEquals("disk almost full", entry.getString("data"));
        assertEquals("WARNING", entry.getString("level"));
    }

    @Test
    void aRedeliveredMessageIsStoredOnce() throws Exception {
        String name = unique("redelivered");
        String id = UUID.randomUUID().toString();
        peer.publish("ERROR", event(name, "first copy"), id, Map.of());
        peer.publish("ERROR", event(name, "second copy"), id, Map.of());
        peer.publish("INFO", event(name, "marker"), null, Map.of());

        eventually(Duration.ofSeconds(30), () -> countNamed(name), seen -> seen == 2, "the copy and the marker");
        staysSo(Duration.ofMillis(500), () -> countNamed(name) == 2, "and no more");
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithTheReason() throws Exception {
        String marker = unique("poison");
        double before = metric("listener_events_dead_lettered_total");
        peer.publish("INFO", "not json " + marker, null, Map.of());
        peer.publish("INFO", Bodies.object("data", "no name " + marker).toString(), null, Map.of());
        peer.publish("INFO", Bodies.array(marker).toString(), null, Map.of());

        List<AmqpPeer.Received> dead = deadLettersContaining(marker, 3);

        assertEquals(3, dead.size(), "all three dead-lettered: " + dead);
        for (AmqpPeer.Received letter : dead) {
            Object reason = letter.properties().get("x-dead-letter-reason");
            assertTrue(reason != null && !reason.toString().isBlank(), "a reason on " + letter);
        }
        assertTrue(dead.stream()
                .anyMatch(l ->
                        l.properties().get("x-dead-letter-reason").toString().contains("no name")));
        assertTrue(dead.stream()
                .anyMatch(l ->
                        l.properties().get("x-dead-letter-reason").toString().contains("not JSON")));
        assertEquals(before + 3, metric("listener_events_dead_lettered_total"), 0.0, "counted");
    }

    @Test
    void anEventTheLoggerRefusesIsDeadLetteredAndTheRestOfItsBatchStored() throws Exception {
        String name = unique("refused");
        // The logger takes idempotency keys of at most 200 characters; the decoder does not know that rule.
        String tooLongId = "id-" + "x".repeat(300);
        List<Tracker> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(peer.publishAsync(
                    "INFO", event(name, i == 7 ? "refused" : "n" + i), i == 7 ? tooLongId : name + "/" + i, Map.of()));
        }
        for (Tracker tracker : sent) {
            tracker.awaitSettlement(30, TimeUnit.SECONDS);
        }

        eventually(Duration.ofSeconds(30), () -> countNamed(name), seen -> seen == 19, "the other 19 stored");
        List<AmqpPeer.Received> dead = deadLettersContaining(name, 1);
        assertEquals(1, dead.size(), "the refused one dead-lettered: " + dead);
        assertTrue(
                dead.get(0).properties().get("x-dead-letter-reason").toString().contains("logger refused"));
    }

    @Test
    void eventsWaitInTheQueueWhileTheLoggerIsDownAndAreAllStoredOnceWhenItReturns() throws Exception {
        String name = unique("logger-down");
        stack.stop(Service.LOGGER);
        try {
            publishMany(name, 2000);
            Thread.sleep(2000);
        } finally {
            stack.restart(Service.LOGGER);
        }

        eventually(Duration.ofSeconds(120), () -> countNamed(name), seen -> seen == 2000, "every event stored");
        staysSo(Duration.ofSeconds(1), () -> countNamed(name) == 2000, "each exactly once");
        assertTrue(metric("listener_events_retried_total") > 0, "the failed writes were retried");
    }

    @Test
    void aListenerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        String name = unique("listener-restart");
        publishMany(name, 3000);
        eventually(Duration.ofSeconds(30), () -> countNamed(name), stored -> stored >= 1000, "a third stored");
        stack.restart(Service.LISTENER);

        eventually(Duration.ofSeconds(120), () -> countNamed(name), seen -> seen == 3000, "every event stored");
        staysSo(Duration.ofSeconds(1), () -> countNamed(name) == 3000, "each exactly once");
    }

    @Test
    void readinessFollowsTheBrokerAndRecoversByItself() throws Exception {
        assumeTrue(broker.isEmbedded(), "only the embedded broker can be stopped by a test");
        URI ready = stack.server(Service.LISTENER).url().resolve("health/ready");
        assertEquals(200, Http.status(ready));
        broker.pause();
        try {
            eventually(
                    Duration.ofSeconds(30),
                    () -> Http.status(ready),
                    seen -> seen == 503,
                    "down while the broker is away");
        } finally {
            broker.resume();
        }
        eventually(Duration.ofSeconds(60), () -> Http.status(ready), seen -> seen == 200, "up again without a restart");
        String name = unique("after-outage");
        peer.close();
        peer = new AmqpPeer(broker);
        peer.publish("INFO", event(name, "back"), null, Map.of());
        eventually(Duration.ofSeconds(30), () -> countNamed(name), seen -> seen == 1, "and consuming again");
    }
}
