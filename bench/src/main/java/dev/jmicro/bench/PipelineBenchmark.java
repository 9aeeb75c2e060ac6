package dev.jmicro.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.MongoBacking;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.Tracker;
import org.bson.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The event pipeline against the broker alone, in one run on the local stack (embedded Artemis, in-memory MongoDB,
 * the logger and the listener on Liberty with the full JIT):
 *
 * <ol>
 *   <li>raw: publish N durable events to {@code logs_topic} and consume them from {@code log_events} with a plain
 *       AMQP 1.0 client while the listener is stopped;
 *   <li>end to end: publish N events, each with its own message-id, and wait until the listener has stored every one
 *       through the logger; then read them all back from MongoDB to check that none is missing or doubled and to time
 *       each from publish to storage.
 * </ol>
 *
 * Options: {@code --help}.
 */
@Command(name = "PipelineBenchmark", description = "The event pipeline against the AMQP broker alone.")
public final class PipelineBenchmark implements Callable<Integer> {

    private static final int WINDOW = 1000;

    /** A rate and latency percentiles in milliseconds. */
    private record Result(double perSecond, double p50, double p99) {}

    @Mixin
    private HelpOption help;

    @Option(
            names = "--events",
            paramLabel = "N",
            description = "published in each of the two measurements (default ${DEFAULT-VALUE})")
    private int events = 100_000;

    @Option(
            names = "--jvm-args",
            paramLabel = "OPTIONS",
            description = "JVM options for the Liberty servers (default ${DEFAULT-VALUE})")
    private String jvmArgs = StackOptions.THROUGHPUT_JVM_ARGS;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options = StackOptions.forTests("bench/target/pipeline-run")
                .services(Set.of(Service.LOGGER, Service.LISTENER))
                .zipkin(false)
                .jvmArgs(jvmArgs)
                .build();
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            AmqpBacking broker = stack.backing(AmqpBacking.class).orElseThrow();
            MongoBacking mongo = stack.backing(MongoBacking.class).orElseThrow();
            System.out.printf(
                    "event pipeline, %d events per run, %d cores%n",
                    events, Runtime.getRuntime().availableProcessors());

            endToEnd(broker, mongo, "warm-up", Math.min(events, 20_000)); // the JIT, pools and connections
            stack.stop(Service.LISTENER);
            Result raw = raw(broker, events);
            stack.restart(Service.LISTENER);
            Duration listenerCpu = cpu(stack, Service.LISTENER);
            Duration loggerCpu = cpu(stack, Service.LOGGER);
            Duration ownCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            Result pipeline = endToEnd(broker, mongo, "bench-" + System.currentTimeMillis(), events);
            System.out.printf(
                    "CPU per 1000 events: listener %.0f ms, logger %.0f ms, broker + MongoDB + load generator %.0f ms%n",
                    cpu(stack, Service.LISTENER).minus(listenerCpu).toMillis() * 1000.0 / events,
                    cpu(stack, Service.LOGGER).minus(loggerCpu).toMillis() * 1000.0 / events,
                    ProcessHandle.current()
                                    .info()
                                    .totalCpuDuration()
                                    .orElse(Duration.ZERO)
                                    .minus(ownCpu)
                                    .toMillis()
                            * 1000.0
                            / events);

            System.out.printf("%-34s %12s %9s %9s%n", "", "events/s", "p50 ms", "p99 ms");
            System.out.printf(
                    "%-34s %12.0f %9.1f %9.1f%n",
                    "raw broker (publish -> consume)", raw.perSecond(), raw.p50(), raw.p99());
            System.out.printf(
                    "%-34s %12.0f %9.1f %9.1f%n",
                    "end to end (-> listener -> logger)", pipeline.perSecond(), pipeline.p50(), pipeline.p99());
            System.out.printf(
                    "end to end / raw: %.0f %% (target >= 50 %%)%n", 100 * pipeline.perSecond() / raw.perSecond());
        }
        return 0;
    }

    /** Publishes and consumes the events with plain clients; each body carries its send time. */
    private static Result raw(AmqpBacking broker, int events) throws Exception {
        long[] latencies = new long[events];
        try (Client client = Client.create();
                Connection connection = client.connect(broker.host(), broker.port(), broker.connectionOptions());
                Receiver receiver = connection.openReceiver(
                        broker.queueAddress("log_events"), new ReceiverOptions().creditWindow(WINDOW))) {
            long started = System.nanoTime();
            Thread publisher = new Thread(() -> publish(broker, "raw", events, false), "raw-publisher");
            publisher.start();
            for (int i = 0; i < events; i++) {
                Delivery delivery = receiver.receive(60, TimeUnit.SECONDS);
                if (delivery == null) {
                    throw new IllegalStateException("raw: only " + i + " of " + events + " events arrived");
                }
                long sentAt =
                        Long.parseLong(delivery.message().property("sent-at").toString());
                latencies[i] = System.nanoTime() - sentAt;
                delivery.accept();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            publisher.join();
            return result(events / seconds, latencies);
        }
    }

    /** Publishes the events and waits until MongoDB holds each exactly once. */
    private static Result endToEnd(AmqpBacking broker, MongoBacking mongo, String name, int events) throws Exception {
        long started = System.nanoTime();
        long[] sentAtWall = publish(broker, name, events, true);
        try (MongoClient client = MongoClients.create(mongo.url())) {
            var logs = client.getDatabase("logs").getCollection("logs");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long stored;
            while ((stored = logs.countDocuments(Filters.eq("name", name))) < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": only " + stored + " of " + events + " stored");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] latencies = new long[events];
            boolean[] seen = new boolean[events];
            for (Document entry :
                    logs.find(Filters.eq("name", name)).projection(Projections.include("data", "created_at"))) {
                int sequence = Integer.parseInt(entry.getString("data"));
                if (seen[sequence]) {
                    throw new IllegalStateException(name + ": event " + sequence + " stored twice");
                }
                seen[sequence] = true;
                latencies[sequence] =
                        (entry.get("created_at", Date.class).getTime() - sentAtWall[sequence]) * 1_000_000;
            }
            if (stored != events) {
                throw new IllegalStateException(name + ": " + stored + " stored for " + events + " published");
            }
            System.out.printf(
                    "%s: %d events stored, none lost, none twice (%.0f events/s)%n", name, events, events / seconds);
            return result(events / seconds, latencies);
        }
    }

    /**
     * Sends durable events to {@code logs_topic} with at most {@link #WINDOW} unsettled at a time, like a busy
     * publisher. Returns each event's send time (wall clock, milliseconds) by sequence number.
     */
    private static long[] publish(AmqpBacking broker, String name, int events, boolean withIds) {
        long[] sentAt = new long[events];
        try (Client client = Client.create();
                Connection connection = client.connect(broker.host(), broker.port(), broker.connectionOptions())) {
            String address = broker.publishAddress("INFO");
            Sender sender = connection.openSender(address);
            Deque<Tracker> unsettled = new ArrayDeque<>();
            for (int i = 0; i < events; i++) {
                String body = "{\"name\":\"" + name + "\",\"data\":\"" + i + "\"}";
                Message<byte[]> message = Message.create(body.getBytes(StandardCharsets.UTF_8));
                message.durable(true).to(address).property("sent-at", System.nanoTime());
                if (withIds) {
                    message.messageId(name + "/" + i);
                }
                sentAt[i] = System.currentTimeMillis();
                unsettled.addLast(sender.send(message));
                if (unsettled.size() >= WINDOW) {
                    unsettled.removeFirst().awaitSettlement(60, TimeUnit.SECONDS);
                }
            }
            for (Tracker tracker : unsettled) {
                tracker.awaitSettlement(60, TimeUnit.SECONDS);
            }
            return sentAt;
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed: " + e.getMessage(), e);
        }
    }

    private static Duration cpu(LocalStack stack, Service service) {
        return stack.server(service).cpuTime().orElse(Duration.ZERO);
    }

    private static Result result(double perSecond, long[] latenciesNanos) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Result(perSecond, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))] / 1e6;
    }
}
