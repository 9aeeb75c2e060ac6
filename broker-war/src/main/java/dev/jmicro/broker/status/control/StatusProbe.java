package dev.jmicro.broker.status.control;

import dev.jmicro.broker.downstream.control.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks every service for its readiness ({@code /health/ready}) and version ({@code /info}), all at once, each with a
 * short timeout, so one slow service costs the page at most that timeout. A plain JDK HTTP client: the answer, UP or
 * not, is the point, so there is nothing to retry or fall back to. Service addresses are {@code <name>.url}
 * ({@code AUTH_URL}, …).
 */
@ApplicationScoped
public class StatusProbe {

    /** One service as seen now. {@code status} is UP, DOWN (it answered not ready) or UNREACHABLE. */
    public record ServiceStatus(
            String name, String url, String status, String version, JsonArray checks, long millis) {}

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt on each new connection
            .connectTimeout(Duration.ofMillis(500))
            .build();

    @Inject
    @ConfigProperty(name = "broker.status.services", defaultValue = "frontend,broker,auth,logger,listener,mail")
    List<String> services;

    @Inject
    @ConfigProperty(name = "broker.status.timeout-ms", defaultValue = "800")
    long timeoutMillis;

    @Inject
    Config config;

    public List<ServiceStatus> all() {
        List<CompletableFuture<ServiceStatus>> probes =
                services.stream().map(String::trim).map(this::probe).toList();
        return probes.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<ServiceStatus> probe(String name) {
        String url = config.getOptionalValue(name + ".url", String.class).orElse(null);
        if (url == null) {
            return CompletableFuture.completedFuture(
                    new ServiceStatus(name, null, "UNREACHABLE", null, JsonValue.EMPTY_JSON_ARRAY, 0));
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> health = get(url + "/health/ready");
        CompletableFuture<HttpResponse<String>> info = get(url + "/info");
        return health.thenCombine(info, (ready, about) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (ready == null) {
                return new ServiceStatus(name, url, "UNREACHABLE", null, JsonValue.EMPTY_JSON_ARRAY, millis);
            }
            JsonObject body = JsonBodies.objectOf(ready.body());
            String status = ready.statusCode() == 200 ? "UP" : "DOWN";
            JsonArray checks = body.containsKey("checks") && body.get("checks") instanceof JsonArray array
                    ? array
                    : JsonValue.EMPTY_JSON_ARRAY;
            String version = about == null || about.statusCode() != 200
                    ? null
                    : JsonBodies.objectOf(about.body()).getString("version", null);
            return new ServiceStatus(name, url, status, version, checks, millis);
        });
    }

    /** The answer, or null when there was none in time. */
    private CompletableFuture<HttpResponse<String>> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(timeoutMillis))
                .GET()
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionally(failure -> null);
    }
}
