package dev.jmicro.localstack;

import dev.jmicro.localstack.backing.PrometheusBacking;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What to start and how. {@link #local(Path)} gives the one-command run's defaults (ports 9080 to 9085, trace
 * viewer on); {@link #forTests(Path, Path)} gives free ports everywhere, so tests never collide with a running local
 * stack or with the machine's own services.
 *
 * @param root the repository root (holds {@code target/liberty/wlp} and {@code docker/rabbitmq/definitions.json})
 * @param runDir where this run keeps server output, logs, data and generated secrets
 * @param services the services to start; their backing services follow from {@link Service#needs()}
 * @param dev the services the user runs in Liberty dev mode instead: not started, but given their port, their backing
 *     services and their whole environment, in {@link #devEnvironment(Service)}
 * @param ports HTTP port per service; a service missing here gets a free port
 * @param zipkin whether to start the trace viewer and export traces to it
 * @param prometheusScrape how often a local Prometheus scrapes every service, with the project's rules; null for none
 * @param readyTimeout how long each Liberty server may take to become ready
 * @param jvmArgs JVM options for every Liberty server (heap and start-up tuning, see bench/)
 * @param postgresUrl an external PostgreSQL ({@code postgresql://user:pass@host:port}) instead of the embedded one
 * @param amqpUrl an external AMQP 1.0 broker ({@code amqp://user:pass@host:port}) instead of the embedded one
 * @param authDatabase the database of the auth service
 * @param keepData whether embedded databases keep their data from the last run (the local run) or start empty (tests)
 * @param settings extra environment per service, over what the launcher sets (e.g. a short retention in a test)
 */
public record StackOptions(
        Path root,
        Path runDir,
        Set<Service> services,
        Set<Service> dev,
        Map<Service, Integer> ports,
        boolean zipkin,
        Duration prometheusScrape,
        Duration readyTimeout,
        String jvmArgs,
        URI postgresUrl,
        URI amqpUrl,
        String authDatabase,
        boolean keepData,
        Map<Service, Map<String, String>> settings) {

    /**
     * Tuned for starting six servers on a laptop (bench/StartupBenchmark, 2 cores): C1-only compilation takes the
     * whole stack from 67 s to 42 s on a cold start and from 44 s to 28 s warm, and each server from about 290 MB to
     * 245 MB resident; small heaps and the serial collector do the rest.
     */
    public static final String DEFAULT_JVM_ARGS = "-Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + " -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=192m -Xss512k";

    /**
     * For throughput benchmarks: the full JIT (C2), which C1-only compilation gives up for a faster start. The
     * containers use the same, with heap sizes relative to their memory limit.
     */
    public static final String THROUGHPUT_JVM_ARGS =
            "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -Xss512k";

    /** Where the one-command run keeps data, logs and generated secrets, under the repository's root. */
    public static final String LOCAL_RUN_DIR = "target/local-run";

    /** How long each server may take to become ready, unless told otherwise. */
    public static final int DEFAULT_READY_TIMEOUT_SECONDS = 240;

    public StackOptions {
        services = Set.copyOf(services);
        dev = Set.copyOf(dev);
        ports = Map.copyOf(ports);
        settings = Map.copyOf(settings);
    }

    /**
     * The one-command run: ports 9080 to 9085, data and logs under {@code target/local-run}, and Prometheus where it
     * is installed.
     */
    public static StackOptions local(Path root) {
        Builder builder = new Builder(root, root.resolve(LOCAL_RUN_DIR)).keepData(true);
        if (PrometheusBacking.installed()) {
            builder.prometheus(Duration.ofSeconds(15));
        }
        for (Service service : Service.values()) {
            builder.port(service, service.defaultPort());
        }
        return builder.build();
    }

    /** Tests: free ports everywhere, output under the given directory. */
    public static StackOptions forTests(Path root, Path runDir) {
        return new Builder(root, runDir).build();
    }

    /**
     * Tests and benchmarks of this project: free ports everywhere, output under {@code runDir} relative to the project
     * root (e.g. {@code "broker-war/target/it-stack"}), to be adjusted before {@link Builder#build()}.
     */
    public static Builder forTests(String runDir) {
        Path root = findRoot();
        return new Builder(root, root.resolve(runDir));
    }

    public Builder toBuilder() {
        Builder builder = new Builder(root, runDir);
        builder.services(services);
        builder.dev(dev);
        builder.ports.putAll(ports);
        builder.zipkin = zipkin;
        builder.prometheusScrape = prometheusScrape;
        builder.readyTimeout = readyTimeout;
        builder.jvmArgs = jvmArgs;
        builder.postgresUrl = postgresUrl;
        builder.amqpUrl = amqpUrl;
        builder.authDatabase = authDatabase;
        builder.keepData = keepData;
        builder.settings.putAll(settings);
        return builder;
    }

    /** Changes some options, keeping the rest. */
    public static final class Builder {
        private final Path root;
        private Path runDir;
        private Set<Service> services = EnumSet.allOf(Service.class);
        private Set<Service> dev = EnumSet.noneOf(Service.class);
        private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        private boolean zipkin = true;
        private Duration prometheusScrape;
        private Duration readyTimeout = Duration.ofSeconds(DEFAULT_READY_TIMEOUT_SECONDS);
        private String jvmArgs = DEFAULT_JVM_ARGS;
        private URI postgresUrl;
        private URI amqpUrl;
        private String authDatabase = "auth";
        private boolean keepData;
        private final Map<Service, Map<String, String>> settings = new EnumMap<>(Service.class);

        private Builder(Path root, Path runDir) {
            this.root = root;
            this.runDir = runDir;
        }

        public Builder runDir(Path dir) {
            this.runDir = dir;
            return this;
        }

        public Builder services(Set<Service> chosen) {
            this.services = EnumSet.noneOf(Service.class);
            this.services.addAll(chosen);
            return this;
        }

        /** Services the user runs in dev mode ({@code liberty:dev}); they are left out of the started ones. */
        public Builder dev(Set<Service> chosen) {
            this.dev = EnumSet.noneOf(Service.class);
            this.dev.addAll(chosen);
            return this;
        }

        public Builder port(Service service, int port) {
            ports.put(service, port);
            return this;
        }

        /** A local Prometheus scraping every service this often; null for none. */
        public Builder prometheus(Duration scrapeInterval) {
            this.prometheusScrape = scrapeInterval;
            return this;
        }

        public Builder zipkin(boolean on) {
            this.zipkin = on;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public Builder jvmArgs(String args) {
            this.jvmArgs = args;
            return this;
        }

        /** An external PostgreSQL, and the auth database on it (e.g. a scratch database in CI). */
        public Builder postgres(URI url, String database) {
            this.postgresUrl = url;
            this.authDatabase = database;
            return this;
        }

        public Builder keepData(boolean keep) {
            this.keepData = keep;
            return this;
        }

        /** One more environment variable for one service's server. */
        public Builder setting(Service service, String name, String value) {
            Map<String, String> forService = new java.util.HashMap<>(settings.getOrDefault(service, Map.of()));
            forService.put(name, value);
            settings.put(service, Map.copyOf(forService));
            return this;
        }

        public Builder amqp(URI url) {
            this.amqpUrl = url;
            return this;
        }

        public StackOptions build() {
            Set<Service> started = EnumSet.noneOf(Service.class);
            started.addAll(services);
            started.removeAll(dev);
            return new StackOptions(
                    root,
                    runDir,
                    started,
                    dev,
                    ports,
                    zipkin,
                    prometheusScrape,
                    readyTimeout,
                    jvmArgs,
                    postgresUrl,
                    amqpUrl,
                    authDatabase,
                    keepData,
                    settings);
        }
    }

    /** Where a dev-mode service's environment is written, for a shell to read before {@code liberty:dev}. */
    public Path devEnvironment(Service service) {
        return runDir.resolve("dev").resolve(service.module() + ".env");
    }

    /** The shared Liberty runtime the service modules' builds created their servers in. */
    public Path wlp() {
        return root.resolve("target/liberty/wlp");
    }

    public Path definitions() {
        return root.resolve("docker/rabbitmq/definitions.json");
    }

    public Path zipkinJar() {
        return root.resolve("target/tools/zipkin-server.jar");
    }

    /**
     * The repository root: the {@code stack.root} system property (set by the build), else the nearest directory
     * upwards from the working directory that holds {@code .mvn} (as Maven itself decides).
     */
    public static Path findRoot() {
        String configured = System.getProperty("stack.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new StackException("cannot find the repository root: run from inside the repository or set -Dstack.root");
    }
}
