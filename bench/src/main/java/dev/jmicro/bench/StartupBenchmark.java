package dev.jmicro.bench;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How fast the whole local stack becomes ready and how much memory each Liberty server holds at idle. Starts the
 * stack from the built artifacts twice: cold (no Liberty workarea, as after a clean build) and warm (the workarea of
 * the first start kept, as on every later start). Options: {@code --help}.
 */
@Command(
        name = "StartupBenchmark",
        description = "How fast the whole local stack becomes ready, and its memory at idle.")
public final class StartupBenchmark implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Option(
            names = "--jvm-args",
            paramLabel = "OPTIONS",
            description = "JVM options for every Liberty server, to compare tunings (default ${DEFAULT-VALUE})")
    private String jvmArgs = StackOptions.DEFAULT_JVM_ARGS;

    @Option(
            names = "--idle-seconds",
            paramLabel = "SECONDS",
            description = "before the resident memory is read (default ${DEFAULT-VALUE})")
    private long idleSeconds = 20;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StartupBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StackOptions options = StackOptions.forTests("bench/target/startup-run")
                .jvmArgs(jvmArgs)
                .build();
        System.out.println("Liberty JVM options: " + options.jvmArgs());
        System.out.printf(
                "machine: %d cores, Java %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        deleteRecursively(options.runDir().resolve("servers"));
        measure("cold", options, idleSeconds);
        measure("warm", options, idleSeconds);
        return 0;
    }

    private static void measure(String label, StackOptions options, long idleSeconds) throws InterruptedException {
        long start = System.nanoTime();
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            Duration whole = Duration.ofNanos(System.nanoTime() - start);
            Thread.sleep(idleSeconds * 1000);
            System.out.printf(
                    "%s start: whole stack (backing services + 6 servers) ready in %.1f s%n",
                    label, whole.toMillis() / 1000.0);
            System.out.printf("  %-9s %10s %14s%n", "service", "ready (s)", "idle RSS (MB)");
            long totalRss = 0;
            for (Service service : Service.values()) {
                long rss = stack.server(service).residentBytes().orElse(-1L);
                totalRss += Math.max(0, rss);
                System.out.printf(
                        "  %-9s %10.1f %14.0f%n",
                        service.serverName(), stack.readyAfter().get(service).toMillis() / 1000.0, rss / 1048576.0);
            }
            System.out.printf("  %-9s %10s %14.0f%n%n", "all", "", totalRss / 1048576.0);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
