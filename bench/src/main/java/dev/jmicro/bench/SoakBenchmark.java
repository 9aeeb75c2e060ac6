package dev.jmicro.bench;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.support.AmqpPeer;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole system under sustained load, as a user who keeps it running sees it. Starts the broker, auth, the logger
 * and the listener with the images' JVM settings ({@code docker/liberty/jvm.options} for a container of
 * {@code --container-memory} MB, the stacks' limit), measures each path's maximum alone (closed loop, the CPU each
 * process spends per request), then runs every path at once, each at {@code --fraction} of its maximum shared among
 * the paths, for {@code --minutes}, open loop (latency counted from when a request was due). Every minute it prints, per
 * path, throughput, p50/p99/max and failures, and per process the CPU per request of the paths it serves, resident
 * memory, the old generation's occupancy, collections and the longest pause. At the end it checks that every
 * accepted log write was stored, and exits non-zero when a request failed, a write was lost, or a server's memory
 * grew steadily. With {@code --native-memory} it also prints where each server's memory went (the JVM's own
 * accounting by area: heap, classes, code, threads); with {@code --profile}, where each path's CPU went and what it
 * allocated in every server it crosses (a JDK Flight Recorder recording of its probe, see {@link PathProfile}).
 * With {@code --cold} it measures the warm-up instead: no warm-up and no probes, every path at once in a closed loop
 * from the first request after the servers report ready, each path's rate every 10 s, and at the end each path's
 * first minute against its last (the steady rate of the same mix on the same machine); the pipeline path is left out
 * there, since its publisher is the benchmark itself. {@code --jvm-args="..."} adds options to the images' ones, to
 * compare a setting before it goes into {@code docker/liberty/jvm.options}.
 */
@Command(name = "SoakBenchmark", description = "The whole system under sustained load.")
public final class SoakBenchmark implements Callable<Integer> {

    /** A path under load: what one request is, and which servers it crosses. */
    private record LoadPath(
            String name, BooleanSupplier request, int connections, Set<Service> crosses, String storedAs) {}

    private static final String PIPELINE = "pipeline: AMQP -> listener -> logger";

    private static final Set<Service> SERVERS =
            EnumSet.of(Service.BROKER, Service.AUTH, Service.LOGGER, Service.LISTENER);

    @Mixin
    private HelpOption help;

    @Option(
            names = "--minutes",
            paramLabel = "N",
            description = "how long the soak (or, with --cold, the warm-up) runs (default ${DEFAULT-VALUE})")
    private int minutes = 10;

    @Option(
            names = "--fraction",
            paramLabel = "F",
            description = "of each path's maximum, shared among the paths (default ${DEFAULT-VALUE})")
    private double fraction = 0.7;

    @Option(
            names = "--connections",
            paramLabel = "N",
            description = "per path; sign-in gets 2 (default ${DEFAULT-VALUE})")
    private int connections = 16;

    @Option(
            names = "--warmup",
            paramLabel = "SECONDS",
            description =
                    "seconds of warm-up before the probes, shared among the paths one after another (default ${DEFAULT-VALUE})")
    private long warmupSeconds = 90;

    @Option(
            names = "--probe-seconds",
            paramLabel = "SECONDS",
            description = "each path's maximum measured alone for this long (default ${DEFAULT-VALUE})")
    private long probeSeconds = 10;

    @Option(
            names = "--container-memory",
            paramLabel = "MB",
            description =
                    "the container's memory, the heap sized from it as in the images (default ${DEFAULT-VALUE}, the stacks' limit)")
    private int containerMemoryMb = 640;

    @Option(names = "--native-memory", description = "print each server's memory by area at the end")
    private boolean nativeMemory;

    @Option(names = "--profile", description = "print where each path's CPU and allocations went (JFR)")
    private boolean profile;

    @Option(names = "--cold", description = "measure the warm-up from a cold start instead of a soak")
    private boolean cold;

    @Option(
            names = "--jvm-args",
            paramLabel = "OPTIONS",
            description = "added to the images' JVM options, to try one first")
    private String extraJvmArgs = "";

    public static void main(String[] args) {
        System.exit(new CommandLine(new SoakBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = StackOptions.findRoot();
        Path runDir = root.resolve("bench/target/soak-run");
        Path gcLogs = runDir.resolve("gc");
        Files.createDirectories(gcLogs);
        try (var old = Files.list(gcLogs)) {
            old.forEach(file -> file.toFile().delete());
        }
        String jvmArgs = ContainerJvm.args(root.resolve("docker/liberty/jvm.options"), containerMemoryMb)
                + (extraJvmArgs.isBlank() ? "" : " " + extraJvmArgs)
                + " -Xlog:gc:file=" + gcLogs + "/gc-%p.log"
                // Where each server's memory goes, printed at the end (a little CPU for the JVM's bookkeeping).
                + (nativeMemory ? " -XX:NativeMemoryTracking=summary" : "");
        StackOptions options = StackOptions.forTests(root, runDir).toBuilder()
                .services(SERVERS)
                .zipkin(false)
                .jvmArgs(jvmArgs)
                // The sign-in path runs far past a person's rate; the limit is not what is measured.
                .setting(Service.BROKER, "BROKER_SIGNIN_RATE_LIMIT", "100000000")
                .build();
        System.out.printf(
                "soak: %d min at %.0f %% of each path's maximum (shared among the paths), %d connections per path,"
                        + " %d cores, JVM %s%n",
                minutes, fraction * 100, connections, Runtime.getRuntime().availableProcessors(), jvmArgs);
        boolean healthy;
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            Run run = new Run(stack, gcLogs, connections, profile ? runDir.resolve("profiles") : null);
            healthy = cold ? run.cold(minutes) : run.soak(minutes, fraction, warmupSeconds, probeSeconds);
        }
        return healthy ? 0 : 1;
    }

    /** One soak over a running stack. */
    private static final class Run {

        private final LocalStack stack;
        private final int connections;
        private final Map<Service, JvmWatch> servers = new LinkedHashMap<>();
        private final JvmWatch self = JvmWatch.self();
        private final String tag = UUID.randomUUID().toString().substring(0, 8);
        private final Map<String, Long> accepted = new ConcurrentHashMap<>();
        /** Where each probe's JFR recordings go; null when the probes are not profiled. */
        private final Path profiles;

        Run(LocalStack stack, Path gcLogs, int connections, Path profiles) {
            this.stack = stack;
            this.connections = connections;
            this.profiles = profiles;
            for (Service service : SERVERS) {
                servers.put(
                        service,
                        new JvmWatch(
                                service.serverName(),
                                stack.server(service).pid().orElseThrow(),
                                gcLogs));
            }
        }

        /**
         * The paths, their log entries named for the phase, so that the soak's check counts only the soak's writes.
         * Sign-ins go over two connections: bcrypt keeps a core busy for each, more would only queue.
         */
        private List<LoadPath> paths(String phase) {
            URI broker = stack.server(Service.BROKER).url();
            URI logger = stack.server(Service.LOGGER).url();
            String data = "a log line of a usual length, say eighty characters long, as services write them";
            String amqpName = "soak-amqp-" + phase + "-" + tag;
            String grpcName = "soak-grpc-" + phase + "-" + tag;
            String restName = "soak-rest-" + phase + "-" + tag;
            String pipelineName = "soak-pipeline-" + phase + "-" + tag;
            String logAction = Bodies.object("action", "log", "log", Bodies.object("name", amqpName, "data", data))
                    .toString();
            String grpcLog = Bodies.object("log", Bodies.object("name", grpcName, "data", data))
                    .toString();
            String restEntry = Bodies.object("name", restName, "data", data).toString();
            String signIn = Bodies.object("action", "auth", "auth", stack.adminCredentials())
                    .toString();
            String pipelineEvent =
                    Bodies.object("name", pipelineName, "data", data).toString();
            AmqpBacking amqp = stack.backing(AmqpBacking.class).orElseThrow();
            ThreadLocal<AmqpPeer> peers = ThreadLocal.withInitial(() -> {
                try {
                    return new AmqpPeer(amqp);
                } catch (ClientException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<LoadPath> paths = new ArrayList<>();
            paths.add(new LoadPath(
                    "broker POST /",
                    () -> JsonPost.status(broker, "") == 200,
                    connections,
                    EnumSet.of(Service.BROKER),
                    null));
            paths.add(new LoadPath(
                    "broker /handle log -> AMQP -> listener -> logger",
                    counted(amqpName, () -> JsonPost.status(broker.resolve("handle"), logAction) == 202),
                    connections,
                    EnumSet.of(Service.BROKER, Service.LISTENER, Service.LOGGER),
                    amqpName));
            paths.add(new LoadPath(
                    "broker /log-grpc -> logger",
                    counted(grpcName, () -> JsonPost.status(broker.resolve("log-grpc"), grpcLog) == 202),
                    connections,
                    EnumSet.of(Service.BROKER, Service.LOGGER),
                    grpcName));
            paths.add(new LoadPath(
                    "broker /handle auth (bcrypt)",
                    () -> JsonPost.status(broker.resolve("handle"), signIn) == 202,
                    Math.min(2, connections),
                    EnumSet.of(Service.BROKER, Service.AUTH),
                    null));
            paths.add(new LoadPath(
                    "logger POST /log",
                    counted(restName, () -> JsonPost.status(logger.resolve("log"), restEntry) == 202),
                    connections,
                    EnumSet.of(Service.LOGGER),
                    restName));
            paths.add(new LoadPath(
                    PIPELINE,
                    counted(pipelineName, () -> {
                        try {
                            peers.get()
                                    .publish(
                                            "INFO",
                                            pipelineEvent,
                                            UUID.randomUUID().toString(),
                                            Map.of());
                            return true;
                        } catch (ClientException e) {
                            return false;
                        }
                    }),
                    connections,
                    EnumSet.of(Service.LISTENER, Service.LOGGER),
                    pipelineName));
            return paths;
        }

        /** The request, counting each success under the name its log entry is stored with. */
        private BooleanSupplier counted(String name, BooleanSupplier request) {
            return () -> {
                boolean ok = request.getAsBoolean();
                if (ok) {
                    accepted.merge(name, 1L, Long::sum);
                }
                return ok;
            };
        }

        boolean soak(int minutes, double fraction, long warmupSeconds, long probeSeconds) throws Exception {
            List<LoadPath> probes = paths("probe");
            System.out.printf("warm-up: %d s per path, closed loop%n", warmupSeconds / probes.size());
            for (LoadPath path : probes) {
                Load.measure(
                        path.request(),
                        path.connections(),
                        Duration.ofSeconds(Math.max(1, warmupSeconds / probes.size())));
            }
            System.out.printf(
                    "%nmaximum of each path alone (closed loop, %d connections, sign-in 2, %d s):%n",
                    connections, probeSeconds);
            System.out.printf(
                    "%-50s %9s %8s %8s %7s   CPU ms per request: %s%n",
                    "path", "req/s", "p50 ms", "p99 ms", "failed", String.join(" / ", names()));
            Map<String, Double> maximum = new LinkedHashMap<>();
            for (LoadPath path : probes) {
                Map<Service, PathProfile> recording = startProfiles(path);
                Map<String, JvmWatch.Sample> before = samples();
                Load.Rate rate = Load.measure(path.request(), path.connections(), Duration.ofSeconds(probeSeconds));
                Map<String, JvmWatch.Sample> after = samples();
                double requests = rate.perSecond() * probeSeconds;
                List<String> cpu = new ArrayList<>();
                for (String name : names()) {
                    cpu.add(String.format("%.3f", after.get(name).cpuMillisPer(requests, before.get(name))));
                }
                maximum.put(path.name(), rate.perSecond());
                System.out.printf(
                        "%-50s %9.0f %8.2f %8.2f %7d   %s%n",
                        path.name(),
                        rate.perSecond(),
                        rate.p50(),
                        rate.p99(),
                        rate.failures(),
                        String.join(" / ", cpu));
                printProfiles(recording);
            }
            for (JvmWatch server : servers.values()) {
                server.pausesSinceLastCall(); // the soak's pauses only
            }
            List<LoadPath> paths = paths("soak");

            System.out.printf(
                    "%nsoak: every path at once, %.0f %% of its maximum / %d paths%n", fraction * 100, paths.size());
            Map<LoadPath, PacedLoad> loads = new LinkedHashMap<>();
            for (LoadPath path : paths) {
                double rate = Math.max(1, fraction * maximum.get(path.name()) / paths.size());
                loads.put(path, new PacedLoad(path.name(), path.request(), rate, path.connections()));
                System.out.printf("  %-50s %8.0f req/s%n", path.name(), rate);
            }
            Trend trend = new Trend(servers.keySet());
            long failures = 0;
            Map<String, JvmWatch.Sample> previous = samples();
            for (int minute = 1; minute <= minutes; minute++) {
                Map<Service, Long> oldMin = new LinkedHashMap<>();
                long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                    servers.forEach((service, watch) ->
                            oldMin.merge(service, watch.sample().oldUsedBytes(), Math::min));
                }
                Map<String, JvmWatch.Sample> now = samples();
                System.out.printf(
                        "%nminute %d%n  %-50s %9s %8s %8s %8s %7s%n",
                        minute, "path", "req/s", "p50 ms", "p99 ms", "max ms", "failed");
                Map<Service, Long> served = new LinkedHashMap<>();
                long all = 0;
                for (Map.Entry<LoadPath, PacedLoad> load : loads.entrySet()) {
                    PacedLoad.Window window = load.getValue().takeWindow();
                    failures += window.failures();
                    all += window.requests();
                    for (Service service : load.getKey().crosses()) {
                        served.merge(service, window.requests(), Long::sum);
                    }
                    System.out.printf(
                            "  %-50s %9.0f %8.2f %8.2f %8.1f %7d%n",
                            load.getKey().name(),
                            window.requests() / 60.0,
                            window.percentileMillis(0.50),
                            window.percentileMillis(0.99),
                            window.percentileMillis(1.0),
                            window.failures());
                }
                System.out.printf(
                        "  %-12s %14s %8s %18s %9s %9s %13s%n",
                        "process", "CPU ms/req", "RSS MB", "old gen MB (of)", "young GCs", "full GCs", "max pause ms");
                for (Map.Entry<Service, JvmWatch> server : servers.entrySet()) {
                    JvmWatch.Sample before = previous.get(server.getValue().name);
                    JvmWatch.Sample after = now.get(server.getValue().name);
                    JvmWatch.Pauses pauses = server.getValue().pausesSinceLastCall();
                    long requests = Math.max(1, served.getOrDefault(server.getKey(), 0L));
                    trend.add(
                            server.getKey(),
                            oldMin.getOrDefault(server.getKey(), after.oldUsedBytes()),
                            after.residentBytes(),
                            after.fullGcs() - before.fullGcs());
                    System.out.printf(
                            "  %-12s %14.3f %8d %8d (%7d) %9d %9d %13.1f%n",
                            server.getValue().name,
                            after.cpuMillisPer(requests, before),
                            after.residentBytes() >> 20,
                            after.oldUsedBytes() >> 20,
                            after.oldCapacityBytes() >> 20,
                            after.youngGcs() - before.youngGcs(),
                            after.fullGcs() - before.fullGcs(),
                            pauses.maxMillis());
                }
                JvmWatch.Sample before = previous.get(self.name);
                JvmWatch.Sample after = now.get(self.name);
                System.out.printf(
                        "  %-12s %14.3f %8d   (load generator, MongoDB and AMQP stand-ins)%n",
                        self.name, after.cpuMillisPer(Math.max(1, all), before), after.residentBytes() >> 20);
                previous = now;
            }
            for (PacedLoad load : loads.values()) {
                load.close();
            }
            boolean nothingLost = checkStored(paths);
            boolean memoryFlat = trend.report();
            printNativeMemory();
            System.out.printf(
                    "%nfailed requests: %d; every accepted write stored: %s; memory flat: %s%n",
                    failures, nothingLost ? "yes" : "NO", memoryFlat ? "yes" : "NO");
            return failures == 0 && nothingLost && memoryFlat;
        }

        /**
         * From a cold start: every path at once, closed loop, in 10-second windows (each path's window on its own
         * thread, all started together), then each path's first minute against its last. Closed loop on purpose:
         * what the servers can do while the JIT still compiles is the figure, not how late a paced request gets.
         */
        boolean cold(int minutes) throws Exception {
            List<LoadPath> paths = paths("cold");
            // The pipeline's publisher is this benchmark: in a closed loop it only fills the queue faster than the
            // listener drains it (156 725 events queued in 4 minutes), and the broker's AMQP path crosses the same
            // listener and logger.
            paths.removeIf(path -> path.name().equals(PIPELINE));
            int windows = Math.max(2, minutes) * 6;
            System.out.printf(
                    "cold start: every path at once, closed loop (%d connections, sign-in 2), from the first request,"
                            + " %d windows of 10 s; req/s per window:%n",
                    connections, windows);
            List<String> header = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                System.out.printf("  path %d: %s%n", i + 1, paths.get(i).name());
                header.add(String.format("%8s", "path " + (i + 1)));
            }
            System.out.printf(
                    "%7s %s %8s   CPU ms per request: %s%n",
                    "s", String.join(" ", header), "failed", String.join(" / ", servers()));
            double[][] rates = new double[paths.size()][windows];
            long[] failed = new long[paths.size()];
            ExecutorService runners = Executors.newFixedThreadPool(paths.size());
            try {
                for (int window = 0; window < windows; window++) {
                    Map<String, JvmWatch.Sample> before = samples();
                    List<Future<Load.Rate>> running = new ArrayList<>();
                    for (LoadPath path : paths) {
                        running.add(runners.submit(
                                () -> Load.measure(path.request(), path.connections(), Duration.ofSeconds(10))));
                    }
                    List<String> row = new ArrayList<>();
                    Map<Service, Double> served = new LinkedHashMap<>();
                    long windowFailures = 0;
                    for (int i = 0; i < paths.size(); i++) {
                        Load.Rate rate = running.get(i).get();
                        rates[i][window] = rate.perSecond();
                        failed[i] += rate.failures();
                        windowFailures += rate.failures();
                        row.add(String.format("%8.0f", rate.perSecond()));
                        for (Service service : paths.get(i).crosses()) {
                            served.merge(service, rate.perSecond() * 10, Double::sum);
                        }
                    }
                    Map<String, JvmWatch.Sample> after = samples();
                    List<String> cpu = new ArrayList<>();
                    for (Map.Entry<Service, JvmWatch> server : servers.entrySet()) {
                        String name = server.getValue().name;
                        cpu.add(String.format(
                                "%.3f",
                                after.get(name)
                                        .cpuMillisPer(
                                                Math.max(1, served.getOrDefault(server.getKey(), 0.0)),
                                                before.get(name))));
                    }
                    System.out.printf(
                            "%7d %s %8d   %s%n",
                            (window + 1) * 10, String.join(" ", row), windowFailures, String.join(" / ", cpu));
                }
            } finally {
                runners.shutdownNow();
            }
            System.out.printf("%n%-50s %14s %14s %8s %8s%n", "path", "first minute", "last minute", "ratio", "failed");
            boolean warm = true;
            for (int i = 0; i < paths.size(); i++) {
                double first = mean(rates[i], 0, 6);
                double last = mean(rates[i], windows - 6, windows);
                double ratio = last == 0 ? 0 : first / last;
                warm &= ratio >= 0.7;
                System.out.printf(
                        "%-50s %10.0f/s %10.0f/s %7.0f%% %8d%n",
                        paths.get(i).name(), first, last, 100 * ratio, failed[i]);
            }
            boolean nothingLost = checkStored(paths);
            long failures = Arrays.stream(failed).sum();
            System.out.printf(
                    "%nfailed requests: %d; every accepted write stored: %s; first minute >= 70 %% of the last on"
                            + " every path: %s%n",
                    failures, nothingLost ? "yes" : "NO", warm ? "yes" : "no");
            // The warm-up ratio is the figure asked for, not a failure of the system: only failures and losses fail.
            return failures == 0 && nothingLost;
        }

        private static double mean(double[] values, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            return sum / (to - from);
        }

        /** With {@code --profile}: a JFR recording on every server the path crosses. */
        private Map<Service, PathProfile> startProfiles(LoadPath path) throws java.io.IOException {
            Map<Service, PathProfile> recording = new LinkedHashMap<>();
            if (profiles != null) {
                Files.createDirectories(profiles);
                for (Service service : path.crosses()) {
                    long pid = stack.server(service).pid().orElseThrow();
                    recording.put(service, PathProfile.start(pid, profiles.resolve(service.serverName() + ".jfr")));
                }
            }
            return recording;
        }

        /** Where the path's CPU went in each server, and what it allocated most. */
        private static void printProfiles(Map<Service, PathProfile> recording) {
            recording.forEach((service, profile) -> {
                PathProfile.Found found = profile.stop(7);
                System.out.printf(
                        "    %-8s CPU: %s%n    %-8s allocated: %s%n",
                        service.serverName(), found.cpu(), "", found.allocated());
            });
        }

        /** Per server, the JVM's committed memory by area, when it was run with native memory tracking. */
        private void printNativeMemory() {
            for (JvmWatch server : servers.values()) {
                Map<String, Long> areas = server.nativeMemory();
                if (areas.isEmpty()) {
                    continue;
                }
                String line = areas.entrySet().stream()
                        .limit(9)
                        .map(area -> area.getKey() + " " + area.getValue())
                        .collect(Collectors.joining(", "));
                System.out.printf(
                        "  %-8s resident %4d MB; JVM committed MB: %s%n",
                        server.name, server.residentBytes() >> 20, line);
                System.out.printf(
                        "  %-8s heap after a full GC, MB: %s%n", "", String.join(", ", server.liveHistogram(6)));
            }
        }

        /** Every write the soak got a success for is in the logger (asynchronous paths are waited for). */
        private boolean checkStored(List<LoadPath> paths) throws InterruptedException {
            String token = Tokens.signed(stack.secrets(), "soak@example.com", "user");
            URI logs = stack.server(Service.LOGGER).url().resolve("logs");
            boolean all = true;
            for (LoadPath path : paths) {
                if (path.storedAs() == null) {
                    continue;
                }
                long wanted = accepted.getOrDefault(path.storedAs(), 0L);
                long stored = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                String refused = "";
                while (System.nanoTime() < deadline) {
                    // A busy logger may refuse or time out a read, and right after a 10-minute soak the client's
                    // connection once failed (ConnectException, the logger up and idle): asked again until the
                    // deadline.
                    HttpResponse<String> answer;
                    try {
                        answer = Http.getWithToken(URI.create(logs + "?size=1&name=" + path.storedAs()), token);
                    } catch (RuntimeException e) {
                        refused = " (last read: " + e.getMessage() + ")";
                        Thread.sleep(1000);
                        continue;
                    }
                    if (answer.statusCode() == 200) {
                        stored = Http.object(answer).getJsonNumber("total").longValue();
                        refused = "";
                        if (stored >= wanted) {
                            break;
                        }
                    } else {
                        refused = " (last read: " + answer.statusCode() + " " + answer.body() + ")";
                    }
                    Thread.sleep(1000);
                }
                // More stored than accepted is fine: a request that timed out may have been stored all the same.
                System.out.printf("  %-50s accepted %9d, stored %9d%s%n", path.name(), wanted, stored, refused);
                all &= stored >= wanted;
            }
            return all;
        }

        private List<String> servers() {
            return servers.values().stream().map(watch -> watch.name).toList();
        }

        private List<String> names() {
            List<String> names = new ArrayList<>(servers());
            names.add(self.name);
            return names;
        }

        private Map<String, JvmWatch.Sample> samples() {
            Map<String, JvmWatch.Sample> samples = new LinkedHashMap<>();
            servers.values().forEach(watch -> samples.put(watch.name, watch.sample()));
            samples.put(self.name, self.sample());
            return samples;
        }
    }

    /**
     * Whether memory stays flat: per server, the old generation's lowest occupancy of each minute (what young
     * collections cannot free) and the resident memory at its end. Memory "grew steadily" when, after the first
     * minute, it rose in at least three of every four minutes and by more than 16 MB (old generation) or 32 MB
     * (resident) in all: a heap that fills and is collected goes up and down, a leak only up.
     */
    private static final class Trend {

        private final Map<Service, List<long[]>> minutes = new LinkedHashMap<>();

        Trend(Set<Service> servers) {
            servers.forEach(service -> minutes.put(service, new ArrayList<>()));
        }

        void add(Service service, long oldUsed, long resident, long fullGcs) {
            minutes.get(service).add(new long[] {oldUsed, resident, fullGcs});
        }

        boolean report() {
            boolean flat = true;
            System.out.printf(
                    "%n%-12s %-40s %-40s %s%n",
                    "process", "old gen MB, lowest per minute", "resident MB per minute", "full GCs");
            for (Map.Entry<Service, List<long[]>> server : minutes.entrySet()) {
                List<long[]> values = server.getValue();
                boolean oldGrew = grew(values, 0, 16L << 20);
                boolean residentGrew = grew(values, 1, 32L << 20);
                flat &= !oldGrew && !residentGrew;
                System.out.printf(
                        "%-12s %-40s %-40s %d%s%n",
                        server.getKey().serverName(),
                        series(values, 0),
                        series(values, 1),
                        values.stream().mapToLong(v -> v[2]).sum(),
                        oldGrew || residentGrew ? "   GREW STEADILY" : "");
            }
            return flat;
        }

        private static boolean grew(List<long[]> values, int which, long bytes) {
            if (values.size() < 3) {
                return false;
            }
            int rises = 0;
            for (int i = 2; i < values.size(); i++) {
                if (values.get(i)[which] > values.get(i - 1)[which]) {
                    rises++;
                }
            }
            long rise = values.get(values.size() - 1)[which] - values.get(1)[which];
            return rises * 4 >= (values.size() - 2) * 3 && rise > bytes;
        }

        private static String series(List<long[]> values, int which) {
            StringBuilder text = new StringBuilder();
            for (long[] value : values) {
                text.append(text.length() == 0 ? "" : " ").append(value[which] >> 20);
            }
            return text.toString();
        }
    }
}
