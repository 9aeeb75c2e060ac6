package dev.jmicro.localstack.backing;

import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.ProcessTree;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local Prometheus: Debian's {@code prometheus} binary as a child process, scraping every service of the stack on
 * the ports it chose (labelled {@code service="<name>"} as in the containers) and evaluating the project's recording
 * rules and alerts from {@code observability/prometheus/rules}. Started only where the binary is installed
 * ({@code apt-get install --no-install-recommends prometheus}; observability/ensure-prometheus.sh).
 */
public final class PrometheusBacking implements BackingService {

    private final Process process;
    private final int port;

    private PrometheusBacking(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The prometheus binary on the PATH, or null. */
    public static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static boolean installed() {
        return binary() != null;
    }

    /**
     * Starts it on loopback with a configuration for these targets (service name to port), keeping its samples in
     * {@code dir/data} for a day at most, and waits until it is ready.
     */
    public static PrometheusBacking start(
            Map<String, Integer> targets, Duration scrapeInterval, Path rules, Path dir, int port, Duration timeout)
            throws IOException {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException("prometheus is not installed (apt-get install prometheus)");
        }
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, configuration(targets, scrapeInterval, rules));
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(List.of(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--storage.tsdb.retention.time=1d",
                        // Loopback only, as every other part of the local run.
                        "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusBacking prometheus = new PrometheusBacking(process, port);
        prometheus.awaitReady(timeout, log);
        return prometheus;
    }

    /** The scrape configuration: one job, every service a static target with its service label. */
    static String configuration(Map<String, Integer> targets, Duration scrapeInterval, Path rules) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by the local run (local-stack PrometheusBacking) for the ports it chose.\n")
                .append("global:\n")
                .append("  scrape_interval: ")
                .append(scrapeInterval.toSeconds())
                .append("s\n")
                .append("  evaluation_interval: ")
                .append(scrapeInterval.toSeconds())
                .append("s\n")
                .append("rule_files:\n")
                .append("  - ")
                .append(rules.toAbsolutePath())
                .append("/*.yml\n")
                .append("scrape_configs:\n")
                .append("  - job_name: jmicro\n")
                .append("    metrics_path: /metrics\n")
                .append("    static_configs:\n");
        targets.forEach((service, port) -> yaml.append("      - targets: [\"127.0.0.1:")
                .append(port)
                .append("\"]\n        labels: { service: ")
                .append(service)
                .append(" }\n"));
        return yaml.toString();
    }

    private void awaitReady(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(url() + "-/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with code " + process.exitValue() + "; see " + log);
            }
            if (Http.status(ready) == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for prometheus", e);
            }
        }
        close();
        throw new IllegalStateException("prometheus was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The process, for its CPU time and memory in the benchmarks and tests. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public Backing kind() {
        return Backing.METRICS;
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String describe() {
        return url();
    }

    /** For the front end only, which draws its status charts from it (Prometheus itself comes to the services). */
    @Override
    public Map<String, String> environment() {
        return Map.of("FRONTEND_PROMETHEUS_URL", url());
    }

    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10));
    }
}
