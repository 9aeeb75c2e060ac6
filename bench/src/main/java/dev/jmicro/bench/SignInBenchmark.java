package dev.jmicro.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.support.Http;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sign-ins per second through the auth service ({@code POST /authenticate}, a real Liberty server with the full JIT,
 * a real PostgreSQL) at concurrency 1, 2 and 8, against the raw bcrypt verify rate of the same hash cost at the same
 * concurrency, measured in this JVM in the same run. Hashing, not our code, should be the limit: the target is a
 * ratio of at least 90 %. Because the load generator, the broker and PostgreSQL share the machine with the server, it
 * also prints the server's own CPU time per sign-in against the CPU time of one raw verify: the share of the server's
 * work that is hashing. Options: {@code --help}.
 */
@Command(
        name = "SignInBenchmark",
        description = "Sign-ins per second through the auth service against the raw bcrypt rate.")
public final class SignInBenchmark implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Option(names = "--seconds", paramLabel = "SECONDS", description = "per measurement (default ${DEFAULT-VALUE})")
    private long seconds = 20;

    @Option(
            names = "--warmup",
            paramLabel = "SECONDS",
            description = "seconds; at a few sign-ins per second the JIT needs minutes (default ${DEFAULT-VALUE})")
    private long warmup = 120;

    @Option(
            names = "--cost",
            paramLabel = "N",
            description = "the server's bcrypt cost, as the service's (default ${DEFAULT-VALUE})")
    private int cost = 12;

    @Option(
            names = "--jvm-args",
            paramLabel = "OPTIONS",
            description = "JVM options for the auth server (default ${DEFAULT-VALUE})")
    private String jvmArgs = StackOptions.THROUGHPUT_JVM_ARGS;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SignInBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options = StackOptions.forTests("bench/target/signin-run")
                .services(Set.of(Service.AUTH))
                .zipkin(false)
                .jvmArgs(jvmArgs)
                .setting(Service.AUTH, "AUTH_BCRYPT_COST", Integer.toString(cost))
                .build();
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            URI authenticate = stack.server(Service.AUTH).url().resolve("authenticate");
            String body = stack.adminCredentials().toString();
            BooleanSupplier signIn = () -> Http.postJson(authenticate, body).statusCode() == 202;
            char[] password = "a password of a usual length".toCharArray();
            String hash = BCrypt.withDefaults().hashToString(cost, password);
            BooleanSupplier verify = () -> BCrypt.verifyer().verify(password, hash).verified;

            System.out.printf(
                    "auth service sign-ins vs raw bcrypt verifies (cost %d), %d s each, %d cores%n",
                    cost, seconds, Runtime.getRuntime().availableProcessors());
            Load.measure(
                    signIn, 2, Duration.ofSeconds(warmup)); // warm-up: until the JIT is done, and the connection pool
            System.out.printf(
                    "%-12s %12s %8s %8s %12s %7s %16s %12s%n",
                    "concurrency",
                    "sign-ins/s",
                    "p50 ms",
                    "p99 ms",
                    "verifies/s",
                    "ratio",
                    "server CPU ms/op",
                    "hash share");
            var server = stack.server(Service.AUTH);
            double verifyCpuMs = 0;
            for (int concurrency : new int[] {1, 2, 8}) {
                Duration cpuBefore = server.cpuTime().orElse(Duration.ZERO);
                Load.Rate signIns = Load.measure(signIn, concurrency, Duration.ofSeconds(seconds));
                double serverCpuMs =
                        server.cpuTime().orElse(Duration.ZERO).minus(cpuBefore).toMillis()
                                / (signIns.perSecond() * seconds);
                Load.Rate raw = Load.measure(verify, concurrency, Duration.ofSeconds(seconds));
                if (concurrency == 1) {
                    verifyCpuMs = raw.p50(); // one thread: the wall time of a verify is its CPU time
                }
                System.out.printf(
                        "%-12d %12.1f %8.1f %8.1f %12.1f %6.0f%% %16.1f %11.0f%%%s%n",
                        concurrency,
                        signIns.perSecond(),
                        signIns.p50(),
                        signIns.p99(),
                        raw.perSecond(),
                        100 * signIns.perSecond() / raw.perSecond(),
                        serverCpuMs,
                        100 * verifyCpuMs / serverCpuMs,
                        signIns.failures() == 0 ? "" : "  (" + signIns.failures() + " failed)");
            }
        }
        return 0;
    }
}
