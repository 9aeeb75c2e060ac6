package dev.jmicro.localstack.liberty;

import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackException;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.ProcessStats;
import dev.jmicro.localstack.support.ProcessTree;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's Open Liberty server, run in the foreground ({@code bin/server run}) as a child process whose output
 * goes to a log file. The server directory is the one the service module's build created in the shared runtime; the
 * output directory (workarea, logs) is per run, so a local run and a test run never share state.
 */
public final class LibertyServer {

    private final Service service;
    private final Path wlp;
    private final Path outputDir;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    public LibertyServer(Service service, Path wlp, Path outputDir, int port, Map<String, String> environment) {
        this.service = service;
        this.wlp = wlp;
        this.outputDir = outputDir;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** The server's console (its standard output and error), appended to by every start. */
    public Path log() {
        return outputDir.resolve(service.serverName() + ".log");
    }

    /** Liberty's own log of the server, which also holds what is below the console's level (INFO). */
    public Path messagesLog() {
        return outputDir.resolve(service.serverName()).resolve("logs/messages.log");
    }

    /** Starts the process; call {@link #awaitReady} to know when it serves requests. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(service.serverName() + " is already running");
        }
        try {
            Files.createDirectories(outputDir);
            stopLeftoverOfAnEarlierRun();
            ProcessBuilder builder = new ProcessBuilder(
                            List.of(wlp.resolve("bin/server").toString(), "run", service.serverName()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("WLP_OUTPUT_DIR", outputDir.toString());
            builder.environment().put("HTTP_PORT", Integer.toString(port));
            process = builder.start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new StackException(service.serverName() + ": cannot start Liberty: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200. Fails fast when the process dies, and at the deadline, in both
     * cases naming the server and its log.
     */
    public void awaitReady(long deadlineNanos, Duration budget) {
        URI ready = url().resolve("health/ready");
        while (true) {
            Process running = current();
            if (running == null || !running.isAlive()) {
                throw new StackException(service.serverName() + ": Liberty exited"
                        + (running == null ? "" : " with code " + running.exitValue())
                        + " before it was ready; see " + log());
            }
            if (Http.status(ready) == 200) {
                return;
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new StackException(
                        service.serverName() + ": not ready within " + budget.toSeconds() + " s; see " + log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException(service.serverName() + ": interrupted while waiting for readiness", e);
            }
        }
    }

    /** Stops the server (Liberty shuts down cleanly on SIGTERM) and waits until it has exited. */
    public synchronized void stop() {
        if (process != null) {
            if (process.isAlive()) {
                try {
                    signal("-CONT"); // a paused JVM would not see the SIGTERM
                } catch (RuntimeException e) {
                    // It may have exited meanwhile; whatever it is doing, SIGTERM and, after the grace, SIGKILL follow.
                }
            }
            ProcessTree.stop(process.toHandle(), Duration.ofSeconds(30));
            process = null;
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                // A stale pid file is checked against the process's command line before anything is stopped.
            }
        }
    }

    /** Kills the server without notice (SIGKILL), as a crash would; {@link #start} brings it back. */
    public synchronized void kill() {
        if (process != null) {
            ProcessTree.kill(process.toHandle());
            process = null;
        }
    }

    /**
     * Freezes the server's JVM (SIGSTOP): it keeps its port and the kernel still accepts connections, but nothing is
     * answered until {@link #resume} (SIGCONT). To a caller it is a dependency that has become very slow.
     */
    public synchronized void pause() {
        signal("-STOP");
    }

    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        Process running = current();
        if (running == null) {
            throw new IllegalStateException(service.serverName() + " is not running");
        }
        try {
            ProcessTree.signal(running.toHandle(), which);
        } catch (IllegalStateException e) {
            throw new StackException(service.serverName() + ": " + e.getMessage(), e);
        }
    }

    /** The process id of the server's JVM while it runs: for benchmarks that ask the JVM itself (jstat, GC logs). */
    public Optional<Long> pid() {
        Process running = current();
        return running == null ? Optional.empty() : Optional.of(running.pid());
    }

    /** The resident memory of the server's JVM, if the platform tells it (Linux). */
    public Optional<Long> residentBytes() {
        return pid().flatMap(ProcessStats::residentBytes);
    }

    /**
     * CPU time the server's JVM has used so far (user + system), if the platform tells it (Linux): for benchmarks that
     * share the machine with their load generator.
     */
    public Optional<Duration> cpuTime() {
        return pid().flatMap(ProcessStats::cpuTime);
    }

    /**
     * The sum of a metric over all its series in the server's Prometheus text ({@code /metrics}), 0 when absent: for
     * tests that prove a call was, or was not, made.
     */
    public double metric(String name) {
        return metric(name, List.of());
    }

    /**
     * The sum of a metric over the series that carry each of the given labels, written as Prometheus prints them
     * ({@code route="POST /handle"}); 0 when there is none.
     */
    public double metric(String name, List<String> labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(Http.get(url().resolve("metrics")).body());
        double sum = 0;
        while (line.find()) {
            String series = line.group(1) == null ? "" : line.group(1);
            if (labels.stream().allMatch(label -> series.contains("{" + label) || series.contains("," + label))) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    private synchronized Process current() {
        return process;
    }

    private Path pidFile() {
        return outputDir.resolve(service.serverName() + ".pid");
    }

    /**
     * A launcher killed with SIGKILL cannot stop its servers; the next run does, but only a process that is really
     * this server of this output directory (its command line says so), never an unrelated process that reused the pid.
     */
    private void stopLeftoverOfAnEarlierRun() throws IOException {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info()
                            .arguments()
                            .map(args -> List.of(args).contains(service.serverName())
                                    && String.join(" ", args).contains("ws-server.jar"))
                            .orElse(false))
                    .ifPresent(handle -> ProcessTree.stop(handle, Duration.ofSeconds(30)));
        } catch (NumberFormatException e) {
            // Unreadable pid file: nothing to stop.
        }
        Files.deleteIfExists(pidFile);
    }
}
