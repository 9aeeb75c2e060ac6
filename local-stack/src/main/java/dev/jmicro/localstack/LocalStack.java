package dev.jmicro.localstack;

import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.AmqpTopology;
import dev.jmicro.localstack.backing.Backing;
import dev.jmicro.localstack.backing.BackingService;
import dev.jmicro.localstack.backing.MongoBacking;
import dev.jmicro.localstack.backing.PostgresBacking;
import dev.jmicro.localstack.backing.PrometheusBacking;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.backing.ZipkinBacking;
import dev.jmicro.localstack.liberty.LibertyServer;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Ports;
import dev.jmicro.localstack.support.Secrets;
import dev.jmicro.localstack.support.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the backing services its services need (embedded unless external ones are given),
 * then one Liberty server per service, wired together through environment variables. {@link #start} returns once
 * every server is ready, or throws a {@link StackException} naming the part that failed after stopping everything it
 * had started. {@link #close} stops it all; a shutdown hook does the same if the JVM ends first.
 */
public final class LocalStack implements AutoCloseable {

    /** The admin account a local run seeds; its password is generated (see {@link Secrets}). */
    public static final String ADMIN_EMAIL = "admin@example.com";

    private static final String ISSUER = Tokens.ISSUER;

    private final StackOptions options;
    private final Progress progress;
    private final List<BackingService> backing = Collections.synchronizedList(new ArrayList<>());
    private final Map<Service, LibertyServer> servers = new EnumMap<>(Service.class);
    private final Map<Service, Duration> readyAfter = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private Secrets secrets;
    private final Map<Service, Integer> devPorts = new EnumMap<>(Service.class);
    /** The logger's own gRPC port: 50001 (the original's) when the HTTP ports are the local run's, else a free one. */
    private int loggerGrpcPort;

    private volatile boolean closed;

    private LocalStack(StackOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts everything the options ask for and waits until it is ready. */
    public static LocalStack start(StackOptions options, Progress progress) {
        LocalStack stack = new LocalStack(options, progress);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof StackException ? e : new StackException(e.getMessage(), e);
        }
    }

    private void startAll() {
        checkBuilt();
        Map<Service, Integer> ports = choosePorts();
        loggerGrpcPort = options.ports().containsKey(Service.LOGGER) ? Ports.preferredOrFree(50001) : Ports.free();
        secrets = Secrets.loadOrCreate(options.runDir().resolve("secrets"));
        if (!options.keepData()) {
            // Tests start from empty databases, whatever an earlier run left behind.
            deleteRecursively(options.runDir().resolve("data"));
        }
        startBackingServices(ports);
        Map<String, String> shared = sharedEnvironment(ports);
        for (Service service : options.dev()) {
            devPorts.put(service, ports.get(service));
            writeDevEnvironment(service, ports.get(service), environmentOf(service, shared));
        }
        for (Service service : options.services()) {
            servers.put(
                    service,
                    new LibertyServer(
                            service,
                            options.wlp(),
                            options.runDir().resolve("servers"),
                            ports.get(service),
                            environmentOf(service, shared)));
        }
        synchronized (this) {
            // Holding the lock, so a Ctrl-C during start-up cannot slip between its clean-up and these processes.
            ensureOpen();
            servers.values().forEach(LibertyServer::start);
        }
        progress.step("started " + servers.size() + " Liberty servers; waiting until each is ready");
        awaitReady(servers.values());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new StackException("cannot empty " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The servers are created by each service module's build; without them there is nothing to run. */
    private void checkBuilt() {
        if (!Files.isExecutable(options.wlp().resolve("bin/server"))) {
            throw new StackException("liberty: no runtime at " + options.wlp() + "; build first (./mvnw package)");
        }
        for (Service service : options.services()) {
            if (!Files.isDirectory(options.wlp().resolve("usr/servers").resolve(service.serverName()))) {
                throw new StackException(service.serverName() + ": server not built; build first (./mvnw package)");
            }
        }
    }

    /** Configured ports must be free (never assumed); missing ones are chosen. */
    private Map<Service, Integer> choosePorts() {
        Map<Service, Integer> chosen = new EnumMap<>(Service.class);
        for (Service service : startedOrDev()) {
            Integer configured = options.ports().get(service);
            if (configured == null) {
                chosen.put(service, Ports.free());
            } else if (Ports.isFree(configured)) {
                chosen.put(service, configured);
            } else {
                throw new StackException(service.serverName() + ": port " + configured + " is already in use (choose"
                        + " another with --" + service.serverName() + "-port=N)");
            }
        }
        return chosen;
    }

    private Set<Service> startedOrDev() {
        Set<Service> all = EnumSet.noneOf(Service.class);
        all.addAll(options.services());
        all.addAll(options.dev());
        return all;
    }

    /**
     * A dev-mode service's environment, as a file a shell reads ({@code set -a; . file}) before {@code liberty:dev}:
     * what this launcher would have given the service's server but the Java runtime and JVM options, which are dev
     * mode's own. Dev mode's server inherits it from Maven. Readable by the user alone: it names the secrets.
     */
    private void writeDevEnvironment(Service service, int port, Map<String, String> environment) {
        Map<String, String> env = new java.util.TreeMap<>(environment);
        env.remove("JAVA_HOME");
        env.remove("JVM_ARGS");
        env.put("HTTP_PORT", Integer.toString(port));
        StringBuilder text = new StringBuilder("# The environment of " + service.module() + " in dev mode, written by"
                + " the local launcher (--dev) at each start:\n# cd " + service.module() + " && " + devCommand(service)
                + "\n");
        // Single quotes keep every value as it is (AUTH_TRUSTED_PROXIES holds | and \).
        env.forEach((name, value) -> text.append(name)
                .append("='")
                .append(value.replace("'", "'\\''"))
                .append("'\n"));
        Path file = options.devEnvironment(service);
        try {
            Files.createDirectories(file.getParent());
            Secrets.writePrivate(file, text.toString());
        } catch (IOException e) {
            throw new StackException(service.serverName() + ": cannot write " + file + ": " + e.getMessage(), e);
        }
        progress.step(service.serverName() + " is yours to run in dev mode at http://localhost:" + port + "/: cd "
                + service.module() + " && " + devCommand(service));
    }

    /** What to type in the service's folder to run it in dev mode, joined to this stack. */
    public String devCommand(Service service) {
        Path env = options.root().resolve(service.module()).relativize(options.devEnvironment(service));
        return "(set -a; . " + env + "; ../mvnw liberty:dev)";
    }

    /** Starts the needed backing services in parallel: they do not depend on each other. */
    private void startBackingServices(Map<Service, Integer> ports) {
        // SLF4J set up here, on one thread: set up by the backing services that start in parallel, it prints a warning
        // that it held back and replayed their first log calls (the local run's console, every benchmark's output).
        LoggerFactory.getILoggerFactory();
        Set<Backing> needed = EnumSet.noneOf(Backing.class);
        startedOrDev().forEach(service -> needed.addAll(service.needs()));
        Map<String, Callable<BackingService>> starters = new HashMap<>();
        if (needed.contains(Backing.POSTGRES)) {
            starters.put("postgres", this::startPostgres);
        }
        if (needed.contains(Backing.MONGO)) {
            starters.put("mongo", () -> MongoBacking.start(Ports.free()));
        }
        if (needed.contains(Backing.AMQP)) {
            starters.put("amqp", this::startAmqp);
        }
        if (needed.contains(Backing.SMTP)) {
            starters.put("smtp", () -> SmtpBacking.start(Ports.free(), Ports.free(), Ports.preferredOrFree(8025)));
        }
        if (options.zipkin()) {
            starters.put(
                    "zipkin",
                    () -> ZipkinBacking.start(
                            options.zipkinJar(),
                            Ports.preferredOrFree(9411),
                            options.runDir().resolve("logs/zipkin.log"),
                            Duration.ofSeconds(90)));
        }
        if (options.prometheusScrape() != null) {
            Map<String, Integer> targets = new java.util.TreeMap<>();
            ports.forEach((service, port) -> targets.put(service.serverName(), port));
            starters.put(
                    "prometheus",
                    () -> PrometheusBacking.start(
                            targets,
                            options.prometheusScrape(),
                            options.root().resolve("observability/prometheus/rules"),
                            options.runDir().resolve("prometheus"),
                            Ports.preferredOrFree(9090),
                            Duration.ofSeconds(60)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, starters.size()));
        try {
            Map<String, Future<BackingService>> running = new HashMap<>();
            starters.forEach((name, starter) -> running.put(name, pool.submit(() -> {
                BackingService started = starter.call();
                register(started);
                progress.step(started.name() + " ready at " + started.describe());
                return started;
            })));
            // Every starter is awaited, even after a failure, so nothing registers itself after the clean-up.
            StackException first = null;
            for (var entry : running.entrySet()) {
                try {
                    await(entry.getKey(), entry.getValue());
                } catch (StackException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Keeps a started backing service for clean-up, or stops it at once if the stack was closed meanwhile. */
    private synchronized void register(BackingService started) {
        if (closed) {
            started.close();
            ensureOpen();
        }
        backing.add(started);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StackException("stopped while starting");
        }
    }

    private BackingService startPostgres() throws Exception {
        if (options.postgresUrl() != null) {
            return PostgresBacking.external(options.postgresUrl(), options.authDatabase());
        }
        return PostgresBacking.embedded(
                options.runDir().resolve("data/postgres"), Ports.free(), options.authDatabase());
    }

    private BackingService startAmqp() throws Exception {
        if (options.amqpUrl() != null) {
            return AmqpBacking.external(options.amqpUrl());
        }
        return AmqpBacking.embedded(
                options.runDir().resolve("data/artemis"), Ports.free(), AmqpTopology.read(options.definitions()));
    }

    private static void await(String name, Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StackException(name + ": failed to start: " + oneLine(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(name + ": interrupted while starting", e);
        }
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** What every service gets: where the others are, how to verify tokens, where traces go. */
    private Map<String, String> sharedEnvironment(Map<Service, Integer> ports) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JVM_ARGS", options.jvmArgs());
        // As in the images (docker/liberty/Dockerfile): fewer malloc arenas, less resident memory.
        env.put("MALLOC_ARENA_MAX", "2");
        for (Service service : Service.values()) {
            int port = ports.getOrDefault(service, options.ports().getOrDefault(service, service.defaultPort()));
            env.put(service.name() + "_URL", "http://localhost:" + port);
        }
        env.put("LOGGER_GRPC_TARGET", "localhost:" + loggerGrpcPort);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", secrets.publicKey().toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        backing.stream().filter(b -> b.kind() == Backing.TRACES).forEach(b -> env.putAll(b.environment()));
        return env;
    }

    private Map<String, String> environmentOf(Service service, Map<String, String> shared) {
        Map<String, String> env = new HashMap<>(shared);
        env.put("OTEL_SERVICE_NAME", service.serverName());
        for (BackingService running : backing) {
            if (service.needs().contains(running.kind())
                    || (running.kind() == Backing.METRICS && service == Service.FRONTEND)) {
                env.putAll(running.environment());
            }
        }
        if (service == Service.AUTH) {
            env.put("AUTH_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("AUTH_ADMIN_PASSWORD", secrets.adminPassword());
            env.put("JWT_SIGNING_KEY_LOCATION", secrets.privateKey().toString());
            env.put("CRYPTO_KEYS_LOCATION", secrets.cryptoKeys().toString());
            env.put("JWT_ISSUER", ISSUER);
        }
        if (service == Service.LOGGER) {
            env.put("GRPC_PORT", Integer.toString(loggerGrpcPort));
        }
        env.putAll(options.settings().getOrDefault(service, Map.of()));
        return env;
    }

    /** Waits for the servers in parallel, against one deadline. */
    private void awaitReady(Iterable<LibertyServer> toWatch) {
        long started = System.nanoTime();
        long deadline = started + options.readyTimeout().toNanos();
        List<Future<?>> waits = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, servers.size()));
        try {
            for (LibertyServer server : toWatch) {
                waits.add(pool.submit(() -> {
                    server.awaitReady(deadline, options.readyTimeout());
                    readyAfter.put(server.service(), Duration.ofNanos(System.nanoTime() - started));
                    progress.step(String.format(
                            "%-8s ready in %4.1f s at %s",
                            server.service().serverName(), (System.nanoTime() - started) / 1e9, server.url()));
                    return null;
                }));
            }
            for (Future<?> wait : waits) {
                try {
                    wait.get();
                } catch (ExecutionException e) {
                    // Ctrl-C stops the servers while they start: that is why, not the first one to exit.
                    ensureOpen();
                    throw e.getCause() instanceof StackException stack
                            ? stack
                            : new StackException(oneLine(e.getCause()), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("interrupted while waiting for the servers", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops one service's server, e.g. to test how the others cope. */
    public void stop(Service service) {
        server(service).stop();
        progress.step(service.serverName() + " stopped");
    }

    /** Kills one service's server without notice (SIGKILL); {@link #restart} brings it back. */
    public void kill(Service service) {
        server(service).kill();
        progress.step(service.serverName() + " killed");
    }

    /** Freezes one service's server (SIGSTOP): it answers nothing, as a dependency that has become very slow. */
    public void pause(Service service) {
        server(service).pause();
        progress.step(service.serverName() + " paused");
    }

    /** Lets a paused service's server go on (SIGCONT). */
    public void resume(Service service) {
        server(service).resume();
        progress.step(service.serverName() + " resumed");
    }

    /** Starts a stopped service's server again and waits until it is ready. */
    public void restart(Service service) {
        LibertyServer server = server(service);
        server.stop();
        server.start();
        awaitReady(List.of(server));
    }

    public LibertyServer server(Service service) {
        LibertyServer server = servers.get(service);
        if (server == null) {
            throw new IllegalArgumentException(service.serverName() + " is not part of this stack");
        }
        return server;
    }

    public Set<Service> services() {
        return Collections.unmodifiableSet(servers.keySet());
    }

    /** The running backing service of the given type, e.g. {@code backing(SmtpBacking.class)} to read mails. */
    public <T extends BackingService> Optional<T> backing(Class<T> type) {
        synchronized (backing) {
            return backing.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }

    /** How long each server took from its start until it first answered ready. */
    public Map<Service, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    /** Where a service run in dev mode ({@link StackOptions#dev()}) is expected to answer. */
    public java.net.URI devUrl(Service service) {
        Integer port = devPorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service.serverName() + " is not run in dev mode here");
        }
        return java.net.URI.create("http://localhost:" + port + "/");
    }

    /** The port of the logger's gRPC server ({@code logs.LogService}) on localhost. */
    public int loggerGrpcPort() {
        return loggerGrpcPort;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The seeded administrator's sign-in body, {@code {"email","password"}}: for tests and benchmarks. */
    public JsonObject adminCredentials() {
        return Bodies.object("email", ADMIN_EMAIL, "password", secrets.adminPassword());
    }

    public StackOptions options() {
        return options;
    }

    /** Stops the servers (in parallel), then the backing services. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself.
        }
        List<Thread> stopping = new ArrayList<>();
        for (LibertyServer server : servers.values()) {
            Thread thread = new Thread(server::stop, "stop-" + server.service().serverName());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<BackingService> toStop;
        synchronized (backing) {
            toStop = new ArrayList<>(backing);
        }
        Collections.reverse(toStop);
        toStop.forEach(BackingService::close);
        progress.step("stopped");
    }
}
