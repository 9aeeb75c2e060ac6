package dev.jmicro.frontend.status.control;

import dev.jmicro.frontend.status.entity.Sparkline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each service's request rate, error ratio and p95 latency over the last 15 minutes, from Prometheus' recording
 * rules (observability/prometheus/rules/recording.yml), for the status page's small charts. Three range queries per
 * status check, each bounded by a short timeout: a Prometheus that does not answer leaves the page without charts,
 * never slower.
 */
@ApplicationScoped
public class ServiceCharts {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration STEP = Duration.ofSeconds(30);

    /** Prometheus' address, e.g. {@code http://localhost:9090}; no charts when unset. */
    @Inject
    @ConfigProperty(name = "frontend.prometheus.url")
    Optional<String> prometheusUrl;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    public boolean isConfigured() {
        return prometheusUrl.filter(url -> !url.isBlank()).isPresent();
    }

    /** Per service name its three charts (rate, errors, p95); empty when unset or Prometheus does not answer. */
    public Map<String, List<Sparkline>> lastQuarterHour() {
        if (!isConfigured()) {
            return Map.of();
        }
        Instant end = Instant.now();
        Map<String, List<Sparkline>> charts = new HashMap<>();
        try {
            add(charts, range("service:requests:rate5m", end), "req/s", v -> format(v, "%.2f req/s"));
            add(charts, range("service:error_ratio:rate5m", end), "errors", v -> format(v * 100, "%.1f %% errors"));
            add(
                    charts,
                    range("service:request_duration_seconds:p95", end),
                    "p95",
                    v -> format(v * 1000, "%.0f ms p95"));
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return charts;
    }

    private static void add(
            Map<String, List<Sparkline>> charts,
            Map<String, List<Double>> series,
            String label,
            DoubleFunction<String> latest) {
        series.forEach((service, values) -> charts.computeIfAbsent(service, s -> new ArrayList<>())
                .add(new Sparkline(
                        label, values, values.isEmpty() ? "—" : latest.apply(values.get(values.size() - 1)))));
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, pattern, value);
    }

    /** A range query's samples per service label, oldest first. */
    private Map<String, List<Double>> range(String query, Instant end) throws IOException, InterruptedException {
        String url = prometheusUrl.orElseThrow().replaceAll("/+$", "") + "/api/v1/query_range?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start="
                + end.minus(WINDOW).getEpochSecond()
                + "&end=" + end.getEpochSecond() + "&step=" + STEP.toSeconds();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("prometheus answered " + answer.statusCode());
        }
        JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
        Map<String, List<Double>> series = new HashMap<>();
        for (JsonValue result : body.getJsonObject("data").getJsonArray("result")) {
            String service = result.asJsonObject().getJsonObject("metric").getString("service", "");
            List<Double> values = new ArrayList<>();
            for (JsonValue sample : result.asJsonObject().getJsonArray("values")) {
                values.add(parse(sample.asJsonArray().getString(1)));
            }
            series.put(service, values);
        }
        return series;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
