package dev.jmicro.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The local run's command line, read by picocli: which services, on which ports, with which backing services. Each
 * service's {@code --<service>-port} option is declared from {@link Service}, so a new service brings its own.
 */
@Command(
        name = "local-stack",
        customSynopsis = "./mvnw -Prun -Dexec.args=\"[options]\"",
        description = "Starts the whole system on this machine; Ctrl-C stops all of it.",
        sortOptions = false)
final class LaunchOptions {

    @Option(
            names = "--services",
            split = ",",
            paramLabel = "SERVICE",
            converter = ServiceName.class,
            description = "only these services, e.g. auth,logger (and the backing services they need)")
    private List<Service> services;

    @Option(
            names = "--dev",
            split = ",",
            paramLabel = "SERVICE",
            converter = ServiceName.class,
            description = "all the others, and these for you to run in Liberty dev mode"
                    + " (cd logger-war && ../mvnw liberty:dev), joined to the rest")
    private List<Service> dev;

    @Option(names = "--no-zipkin", description = "do not start the trace viewer")
    private boolean noZipkin;

    @Option(
            names = "--no-prometheus",
            description = "do not start Prometheus (started where Debian's prometheus is installed)")
    private boolean noPrometheus;

    @Option(
            names = "--ready-timeout",
            paramLabel = "SECONDS",
            converter = PositiveNumber.class,
            description = "how long each server may take to become ready (default "
                    + StackOptions.DEFAULT_READY_TIMEOUT_SECONDS + ")")
    private Integer readyTimeoutSeconds;

    @Option(names = "--jvm-args", paramLabel = "OPTIONS", description = "JVM options for every Liberty server")
    private String jvmArgs;

    @Option(
            names = "--postgres-url",
            paramLabel = "postgresql://user:pass@host:port",
            description = "use this PostgreSQL instead of the embedded one")
    private URI postgresUrl;

    @Option(
            names = "--auth-database",
            paramLabel = "NAME",
            description = "database of the auth service (default ${DEFAULT-VALUE})")
    private String authDatabase = "auth";

    @Option(
            names = "--amqp-url",
            paramLabel = "amqp://user:pass@host:port",
            description = "use this AMQP 1.0 broker instead of the embedded one")
    private URI amqpUrl;

    @Option(
            names = "--run-dir",
            paramLabel = "PATH",
            description = "where logs, data and generated secrets go (default " + StackOptions.LOCAL_RUN_DIR + ")")
    private Path runDir;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print these options and exit")
    private boolean help;

    /** The command line over a fresh set of options, with a port option for each service. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new LaunchOptions());
        for (Service service : Service.values()) {
            line.getCommandSpec()
                    .addOption(OptionSpec.builder(portOption(service))
                            .paramLabel("N")
                            .type(Integer.class)
                            .converters(new PositiveNumber())
                            .description(
                                    "HTTP port of " + service.serverName() + " (default " + service.defaultPort() + ")")
                            .build());
        }
        return line;
    }

    /** What the parsed command line asks for, on top of the local run's defaults. */
    static StackOptions stackOptions(ParseResult parsed, Path root) {
        LaunchOptions options = parsed.commandSpec().commandLine().getCommand();
        StackOptions.Builder builder = StackOptions.local(root).toBuilder();
        if (options.services != null) {
            builder.services(atLeastOne("--services", options.services));
        }
        if (options.dev != null) {
            builder.dev(atLeastOne("--dev", options.dev));
        }
        if (options.noZipkin) {
            builder.zipkin(false);
        }
        if (options.noPrometheus) {
            builder.prometheus(null);
        }
        if (options.readyTimeoutSeconds != null) {
            builder.readyTimeout(Duration.ofSeconds(options.readyTimeoutSeconds));
        }
        if (options.jvmArgs != null) {
            builder.jvmArgs(options.jvmArgs);
        }
        if (options.amqpUrl != null) {
            builder.amqp(options.amqpUrl);
        }
        if (options.runDir != null) {
            builder.runDir(options.runDir.toAbsolutePath());
        }
        for (Service service : Service.values()) {
            Integer port = parsed.matchedOptionValue(portOption(service), null);
            if (port != null) {
                builder.port(service, port);
            }
        }
        return builder.postgres(options.postgresUrl, options.authDatabase).build();
    }

    private static String portOption(Service service) {
        return "--" + service.serverName() + "-port";
    }

    private static Set<Service> atLeastOne(String option, List<Service> chosen) {
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one service");
        }
        return EnumSet.copyOf(chosen);
    }

    /** A service by its server name; the error lists the valid names. */
    static final class ServiceName implements ITypeConverter<Service> {
        @Override
        public Service convert(String name) {
            try {
                return Service.named(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A whole number above zero: a port, a number of seconds. */
    static final class PositiveNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new TypeConversionException("needs a positive number, not '" + value + "'");
        }
    }
}
