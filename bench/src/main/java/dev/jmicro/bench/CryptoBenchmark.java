package dev.jmicro.bench;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.liberty.LibertyServer;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Encryptions per second through the broker ({@code POST /api/crypto/encrypt} → auth's {@code /crypto/encrypt}),
 * straight at auth, and the raw AES-256-GCM rate of this JVM for the same 1 KB text, in one run, at concurrency 1, 2
 * and 8; with the CPU time the broker and auth spend per encryption. The AEAD itself is microseconds: what the
 * figures show is the cost of the HTTP hops, the token check and the JSON around it. Options: {@code --help}.
 */
@Command(
        name = "CryptoBenchmark",
        description = "Encryptions per second through the broker, straight at auth, and in this JVM.")
public final class CryptoBenchmark implements Callable<Integer> {

    private static final String TEXT = "x".repeat(1024);

    @Mixin
    private HelpOption help;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "seconds (default ${DEFAULT-VALUE})")
    private long warmup = 60;

    @Option(names = "--seconds", paramLabel = "SECONDS", description = "per measurement (default ${DEFAULT-VALUE})")
    private long seconds = 10;

    @Option(
            names = "--jvm-args",
            paramLabel = "OPTIONS",
            description = "JVM options for the servers (default ${DEFAULT-VALUE})")
    private String jvmArgs = StackOptions.THROUGHPUT_JVM_ARGS;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CryptoBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options = StackOptions.forTests("bench/target/crypto-run")
                .services(Set.of(Service.BROKER, Service.AUTH))
                .zipkin(false)
                .jvmArgs(jvmArgs)
                .build();
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            String authorization = "Bearer " + Tokens.signed(stack.secrets(), "bench@example.com", "user");
            String body = "{\"plaintext\":\"" + TEXT + "\"}";
            LibertyServer broker = stack.server(Service.BROKER);
            LibertyServer auth = stack.server(Service.AUTH);
            URI viaBroker = broker.url().resolve("api/crypto/encrypt");
            URI atAuth = auth.url().resolve("crypto/encrypt");
            BooleanSupplier throughBroker = () -> Http.postJson(viaBroker, body, "Authorization", authorization)
                            .statusCode()
                    == 200;
            BooleanSupplier straightAtAuth = () ->
                    Http.postJson(atAuth, body, "Authorization", authorization).statusCode() == 200;
            BooleanSupplier raw = rawAesGcm();

            System.out.printf(
                    "encryptions of 1 KB through the broker, at auth, and raw AES-256-GCM; %d s each, %d cores%n",
                    seconds, Runtime.getRuntime().availableProcessors());
            Load.measure(throughBroker, 2, Duration.ofSeconds(warmup));
            System.out.printf(
                    "%-12s %-8s %12s %8s %8s %14s %12s %10s%n",
                    "concurrency", "path", "ops/s", "p50 ms", "p99 ms", "CPU ms/op", "raw ops/s", "ratio");
            for (int concurrency : new int[] {1, 2, 8}) {
                Load.Rate rawRate = Load.measure(raw, concurrency, Duration.ofSeconds(seconds));
                for (var path : List.of(
                        new Path("broker", throughBroker, List.of(broker, auth)),
                        new Path("auth", straightAtAuth, List.of(auth)))) {
                    Duration cpuBefore = cpu(path.servers());
                    Load.Rate rate = Load.measure(path.call(), concurrency, Duration.ofSeconds(seconds));
                    double cpuMs = cpu(path.servers()).minus(cpuBefore).toNanos() / 1e6 / (rate.perSecond() * seconds);
                    System.out.printf(
                            "%-12d %-8s %12.0f %8.2f %8.2f %14.3f %12.0f %9.2f%%%s%n",
                            concurrency,
                            path.name(),
                            rate.perSecond(),
                            rate.p50(),
                            rate.p99(),
                            cpuMs,
                            rawRate.perSecond(),
                            100 * rate.perSecond() / rawRate.perSecond(),
                            rate.failures() == 0 ? "" : "  (" + rate.failures() + " failed)");
                }
            }
        }
        return 0;
    }

    /** One way to an encryption, and the servers whose CPU it costs. */
    private record Path(String name, BooleanSupplier call, List<LibertyServer> servers) {}

    private static Duration cpu(List<LibertyServer> servers) {
        return servers.stream()
                .map(server -> server.cpuTime().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** What the service does per encryption, without the service: a fresh nonce, AES-256-GCM, the tag. */
    private static BooleanSupplier rawAesGcm() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        SecureRandom random = new SecureRandom();
        byte[] plaintext = TEXT.getBytes(StandardCharsets.UTF_8);
        return () -> {
            try {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD("jm1.default.1.".getBytes(StandardCharsets.US_ASCII));
                return cipher.doFinal(plaintext).length == plaintext.length + 16;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
