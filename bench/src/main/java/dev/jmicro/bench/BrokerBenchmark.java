package dev.jmicro.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.logger.grpc.Log;
import dev.jmicro.logger.grpc.LogRequest;
import dev.jmicro.logger.grpc.LogServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the broker costs on the way to the logger. In one run, at one concurrency, alternating: the log write the broker
 * makes, sent straight to the logger (gRPC {@code LogService.WriteLog} with the same metadata), the same write through
 * the broker ({@code POST /handle}, action {@code log}, passed on over gRPC, answered once the logger stored it), and
 * for comparison the logger's REST write ({@code POST /log}) and the broker's own root ({@code POST /}, no downstream
 * call: what the broker's edge costs by itself). Both servers get the full JIT
 * ({@code THROUGHPUT_JVM_ARGS}); the embedded MongoDB and the load generator share this JVM and the two cores. Targets:
 * the broker keeps at least 80 % of the direct throughput and adds at most 2 ms at p50. Options: {@code --help}.
 */
@Command(name = "BrokerBenchmark", description = "What the broker costs on the way to the logger.")
public final class BrokerBenchmark implements Callable<Integer> {

    /** The two paths the targets compare, by the names the table prints. */
    private static final String DIRECT = "direct: gRPC WriteLog on the logger";

    private static final String THROUGH_BROKER = "broker: POST /handle -> gRPC -> logger";

    @Mixin
    private HelpOption help;

    @Option(names = "--concurrency", paramLabel = "N", description = "requests in flight (default ${DEFAULT-VALUE})")
    private int concurrency = 8;

    // A path's figure moves by up to ±25 % between 20 s windows here; more rounds, a steadier mean.
    @Option(
            names = "--rounds",
            paramLabel = "N",
            description = "of alternation between the paths (default ${DEFAULT-VALUE})")
    private int roundCount = 3;

    @Option(names = "--seconds", paramLabel = "SECONDS", description = "per measurement (default ${DEFAULT-VALUE})")
    private long seconds = 20;

    // The broker's log path is still being compiled after 30 s at these rates.
    @Option(names = "--warmup", paramLabel = "SECONDS", description = "seconds per path (default ${DEFAULT-VALUE})")
    private long warmup = 60;

    @Option(
            names = "--broker-setting",
            paramLabel = "KEY=VALUE",
            description = "a setting of the broker, to compare configurations (repeatable)")
    private Map<String, String> brokerSettings = new TreeMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new BrokerBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions.Builder builder = StackOptions.forTests("bench/target/broker-run")
                .services(Set.of(Service.BROKER, Service.LOGGER))
                .zipkin(false)
                .jvmArgs(StackOptions.THROUGHPUT_JVM_ARGS)
                .setting(Service.BROKER, "BROKER_LOG_TRANSPORT", "grpc");
        brokerSettings.forEach((key, value) -> builder.setting(Service.BROKER, key, value));
        StackOptions options = builder.build();
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            URI direct = stack.server(Service.LOGGER).url().resolve("log");
            URI handle = stack.server(Service.BROKER).url().resolve("handle");
            String entry = "{\"name\":\"bench\",\"data\":\"a log line of a usual length, say eighty characters long\"}";
            String action = "{\"action\":\"log\",\"log\":" + entry + "}";
            BooleanSupplier restToLogger = () -> JsonPost.status(direct, entry) == 202;
            BooleanSupplier throughBroker = () -> JsonPost.status(handle, action) == 202;
            URI brokerRoot = stack.server(Service.BROKER).url();
            BooleanSupplier brokerAlone = () -> JsonPost.status(brokerRoot, "") == 200;
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", stack.loggerGrpcPort())
                    .usePlaintext()
                    .build();
            BooleanSupplier grpcToLogger = () -> writeOverGrpc(channel);

            System.out.printf(
                    "log writes at concurrency %d, %d s each after %d s warm-up, %d cores, broker settings %s%n",
                    concurrency, seconds, warmup, Runtime.getRuntime().availableProcessors(), brokerSettings);
            Load.measure(grpcToLogger, concurrency, Duration.ofSeconds(warmup));
            Load.measure(throughBroker, concurrency, Duration.ofSeconds(warmup));
            Load.measure(restToLogger, concurrency, Duration.ofSeconds(warmup));
            Load.measure(brokerAlone, concurrency, Duration.ofSeconds(warmup / 3));
            // Alternate, round after round, so that a drift of the machine's speed weighs on every path alike.
            Cpu meter = new Cpu(stack);
            Duration window = Duration.ofSeconds(seconds);
            Map<String, BooleanSupplier> paths = new LinkedHashMap<>();
            paths.put(DIRECT, grpcToLogger);
            paths.put(THROUGH_BROKER, throughBroker);
            paths.put("(logger's REST write: POST /log)", restToLogger);
            paths.put("(broker alone: POST /, no downstream)", brokerAlone);
            List<Map<String, Measured>> rounds = new ArrayList<>();
            for (int round = 0; round < roundCount; round++) {
                Map<String, Measured> measured = new LinkedHashMap<>();
                for (Map.Entry<String, BooleanSupplier> path : paths.entrySet()) {
                    measured.put(path.getKey(), meter.measure(path.getValue(), concurrency, window));
                }
                rounds.add(measured);
            }
            channel.shutdownNow();
            System.out.printf(
                    "%-44s %10s %8s %8s %8s   %s%n",
                    "path", "writes/s", "p50 ms", "p99 ms", "failed", "CPU ms per write: broker / logger / bench JVM");
            rounds.forEach(round -> round.forEach(BrokerBenchmark::print));
            for (Map<String, Measured> round : rounds) {
                System.out.printf(
                        "  a round: %.0f %% of the direct throughput, %+.2f ms at p50%n",
                        100
                                * round.get(THROUGH_BROKER).rate().perSecond()
                                / round.get(DIRECT).rate().perSecond(),
                        round.get(THROUGH_BROKER).rate().p50()
                                - round.get(DIRECT).rate().p50());
            }
            double directPerSecond = mean(rounds, DIRECT, Load.Rate::perSecond);
            double brokerPerSecond = mean(rounds, THROUGH_BROKER, Load.Rate::perSecond);
            double addedP50 = mean(rounds, THROUGH_BROKER, Load.Rate::p50) - mean(rounds, DIRECT, Load.Rate::p50);
            System.out.printf(
                    "through the broker, over %d rounds: %.0f %% of the direct throughput (target >= 80 %%), %+.2f ms"
                            + " at p50 (target <= 2 ms)%n",
                    rounds.size(), 100 * brokerPerSecond / directPerSecond, addedP50);
        }
        return 0;
    }

    private static double mean(List<Map<String, Measured>> rounds, String path, ToDoubleFunction<Load.Rate> figure) {
        return rounds.stream()
                .mapToDouble(round -> figure.applyAsDouble(round.get(path).rate()))
                .average()
                .orElseThrow();
    }

    /** One path's figures: the load's and the CPU each process spent per write. */
    private record Measured(Load.Rate rate, String cpu) {}

    private static void print(String path, Measured measured) {
        Load.Rate rate = measured.rate();
        System.out.printf(
                "%-44s %10.0f %8.2f %8.2f %8d   %s%n",
                path, rate.perSecond(), rate.p50(), rate.p99(), rate.failures(), measured.cpu());
    }

    /**
     * CPU time per write of the broker, the logger and this JVM (load generator and embedded MongoDB) over one
     * measurement: on two shared cores, where a path's CPU goes decides its throughput.
     */
    private static final class Cpu {

        private final LocalStack stack;
        private final OperatingSystemMXBean self = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        Cpu(LocalStack stack) {
            this.stack = stack;
        }

        Measured measure(BooleanSupplier operation, int concurrency, Duration window) {
            long[] before = now();
            Load.Rate rate;
            try {
                rate = Load.measure(operation, concurrency, window);
            } catch (Exception e) {
                throw new IllegalStateException("measurement failed", e);
            }
            long[] after = now();
            double requests = rate.perSecond() * window.toNanos() / 1e9;
            return new Measured(
                    rate,
                    String.format(
                            "%.3f / %.3f / %.3f (%.2f of %d cores)",
                            (after[0] - before[0]) / 1e6 / requests,
                            (after[1] - before[1]) / 1e6 / requests,
                            (after[2] - before[2]) / 1e6 / requests,
                            (after[0] - before[0] + after[1] - before[1] + after[2] - before[2])
                                    / (double) window.toNanos(),
                            Runtime.getRuntime().availableProcessors()));
        }

        private long[] now() {
            return new long[] {
                stack.server(Service.BROKER).cpuTime().orElse(Duration.ZERO).toNanos(),
                stack.server(Service.LOGGER).cpuTime().orElse(Duration.ZERO).toNanos(),
                self.getProcessCpuTime()
            };
        }
    }

    /** The write the broker makes: WriteLog with a level and an idempotency key as metadata. */
    private static boolean writeOverGrpc(ManagedChannel channel) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("log-level", Metadata.ASCII_STRING_MARSHALLER), "INFO");
        metadata.put(
                Metadata.Key.of("log-idempotency-key", Metadata.ASCII_STRING_MARSHALLER),
                UUID.randomUUID().toString());
        try {
            LogServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                    .withDeadlineAfter(2, TimeUnit.SECONDS)
                    .writeLog(LogRequest.newBuilder()
                            .setLogEntry(Log.newBuilder()
                                    .setName("bench")
                                    .setData("a log line of a usual length, say eighty characters long"))
                            .build());
            return true;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }
}
