package dev.jmicro.localstack.backing;

import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.ProcessTree;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local trace viewer: the Zipkin server jar as a child process, keeping traces in memory. Liberty exports Zipkin
 * format natively, so no collector is needed on a laptop; the containers use OTLP to Jaeger instead.
 */
public final class ZipkinBacking implements BackingService {

    /**
     * Measured through the local run: a log write through the broker makes about 5 spans of about 3.5 KB each in
     * Zipkin's memory, so 20 000 spans (the last 4 000 or so requests) hold about 70 MB of the 160 MB heap.
     */
    static final int MAX_SPANS = 20_000;

    private final Process process;
    private final int port;

    private ZipkinBacking(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ZipkinBacking start(Path jar, int port, Path log, Duration timeout) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("zipkin server jar missing at " + jar + "; build the project first");
        }
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx160m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        // Loopback only: a laptop's trace viewer is nobody else's business.
                        "--armeria.ports[0].ip=127.0.0.1",
                        "--armeria.ports[0].port=" + port,
                        "--armeria.ports[0].protocols[0]=http"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STORAGE_TYPE", "mem");
        // At most this many spans in memory, the oldest traces dropped first. Zipkin's default, 500 000, would need
        // about 1.7 GB at that size: some 45 000 spans (9 000 requests) fill the 160 MB heap, and then it sat at a
        // full core collecting garbage.
        builder.environment().put("MEM_MAX_SPANS", Integer.toString(MAX_SPANS));
        Process process = builder.start();
        ZipkinBacking zipkin = new ZipkinBacking(process, port);
        zipkin.awaitHealthy(timeout, log);
        return zipkin;
    }

    private void awaitHealthy(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(url() + "health");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("zipkin exited with code " + process.exitValue() + "; see " + log);
            }
            if (Http.status(health) == 200) {
                return;
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("zipkin did not answer within " + timeout.toSeconds() + " s; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The spans Zipkin holds so far for a trace (hex trace id); empty while it has none. */
    public List<JsonObject> trace(String traceId) {
        HttpResponse<String> found = Http.get(URI.create(url()).resolve("api/v2/trace/" + traceId));
        if (found.statusCode() != 200) {
            return List.of();
        }
        return ((JsonArray) Http.json(found.body())).getValuesAs(JsonObject.class);
    }

    @Override
    public Backing kind() {
        return Backing.TRACES;
    }

    @Override
    public String name() {
        return "zipkin";
    }

    @Override
    public String describe() {
        return url() + "zipkin/";
    }

    /**
     * Runtime-level OpenTelemetry settings for Liberty: traces in Zipkin format, no metric or log export; and for the
     * front end's status page, where one trace is shown.
     */
    @Override
    public Map<String, String> environment() {
        return Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_TRACES_EXPORTER", "zipkin",
                "OTEL_EXPORTER_ZIPKIN_ENDPOINT", url() + "api/v2/spans",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                // Spans show up in the viewer within a second instead of five.
                "OTEL_BSP_SCHEDULE_DELAY", "1000",
                "FRONTEND_TRACE_URL", url() + "zipkin/traces/{traceId}");
    }

    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(10));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for zipkin", e);
        }
    }
}
