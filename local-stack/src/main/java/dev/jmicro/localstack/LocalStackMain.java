package dev.jmicro.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The one-command local run ({@code ./mvnw -Prun}): starts the whole system, prints where everything is, and runs
 * until Ctrl-C, which stops all of it. A failure ends the program with exit code 1 and one line naming the part.
 */
public final class LocalStackMain {

    private static final String USAGE =
            """
            usage: LocalStackMain [options]
              --services=auth,logger,...  only these services (and the backing services they need)
              --dev=logger,...            all the others, and these for you to run in Liberty dev mode
                                          (cd logger-war && ../mvnw liberty:dev), joined to the rest
              --<service>-port=N          HTTP port of a service (defaults 9080..9085)
              --no-zipkin                 do not start the trace viewer
              --no-prometheus             do not start Prometheus (started where Debian's prometheus is installed)
              --ready-timeout=SECONDS     how long each server may take to become ready (default 240)
              --jvm-args="..."            JVM options for every Liberty server
              --postgres-url=postgresql://user:pass@host:port   use this PostgreSQL instead of the embedded one
              --auth-database=NAME        database of the auth service (default auth)
              --amqp-url=amqp://user:pass@host:port             use this AMQP 1.0 broker instead of the embedded one
              --run-dir=PATH              where logs, data and generated secrets go (default target/local-run)
            """;

    private LocalStackMain() {}

    public static void main(String[] args) {
        StackOptions options;
        try {
            options = parse(args, StackOptions.findRoot());
        } catch (IllegalArgumentException | StackException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            logLibrariesTo(options.runDir().resolve("logs/local-stack.log"));
            stack = LocalStack.start(options, Progress.toStdout());
        } catch (StackException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(Summary.of(stack));
        // The shutdown hook registered by LocalStack stops everything on Ctrl-C; until then, keep the JVM alive.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.close();
        }
    }

    /**
     * The embedded servers' own warnings go to a file, so the console keeps to the progress lines and, on failure, the
     * one line that says why. Must run before any of them creates a logger.
     */
    private static void logLibrariesTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StackException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        // SLF4J set up here, on one thread: set up by the backing services that start in parallel, it printed a
        // warning that it had held back and replayed their first log calls, ahead of the progress lines.
        LoggerFactory.getILoggerFactory();
    }

    static StackOptions parse(String[] args, Path root) {
        StackOptions.Builder builder = StackOptions.local(root).toBuilder();
        URI postgres = null;
        String database = "auth";
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--services" -> builder.services(servicesOf(value));
                case "--dev" -> builder.dev(servicesOf(value));
                case "--no-zipkin" -> builder.zipkin(false);
                case "--no-prometheus" -> builder.prometheus(null);
                case "--ready-timeout" -> builder.readyTimeout(Duration.ofSeconds(positive(name, value)));
                case "--jvm-args" -> builder.jvmArgs(value);
                case "--postgres-url" -> postgres = URI.create(value);
                case "--auth-database" -> database = value;
                case "--amqp-url" -> builder.amqp(URI.create(value));
                case "--run-dir" -> builder.runDir(Path.of(value).toAbsolutePath());
                default -> {
                    if (name.startsWith("--") && name.endsWith("-port")) {
                        Service service = Service.named(name.substring(2, name.length() - "-port".length()));
                        builder.port(service, (int) positive(name, value));
                    } else {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        builder.postgres(postgres, database);
        return builder.build();
    }

    private static Set<Service> servicesOf(String list) {
        Set<Service> chosen = EnumSet.noneOf(Service.class);
        Arrays.stream(list.split(","))
                .filter(s -> !s.isBlank())
                .map(Service::named)
                .forEach(chosen::add);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--services and --dev need at least one service");
        }
        return chosen;
    }

    private static long positive(String option, String value) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
    }
}
