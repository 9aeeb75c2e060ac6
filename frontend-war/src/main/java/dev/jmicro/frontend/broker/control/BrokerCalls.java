package dev.jmicro.frontend.broker.control;

import dev.jmicro.frontend.broker.entity.Caller;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every call the front end makes goes to the broker through here, with the signed-in user's token, a new request id
 * and the W3C trace context, so that each page action is one trace the status page can link to. The JDK client
 * rather than a typed REST client: the console shows the raw JSON sent and received, status and timing included.
 * A broker that does not answer is an {@link Exchange} with status 0 and a sentence saying why, never an exception.
 *
 * <p>The front end is a proxy for its users: every call says whose it is ({@link Caller}) in {@code X-Forwarded-For},
 * so the broker's per-client sign-in limit (and auth's throttle behind it) count each person's address, not the front
 * end's; the broker believes the header from the proxies it trusts only. Each exchange is announced as a CDI event.
 */
@ApplicationScoped
public class BrokerCalls {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    @Inject
    @ConfigProperty(name = "broker.url", defaultValue = "http://localhost:9081")
    URI broker;

    /** Longer than the broker's own slowest hop (a sign-in: 2 s), so the broker's 503 arrives rather than ours. */
    @Inject
    @ConfigProperty(name = "frontend.broker.timeout-ms", defaultValue = "5000")
    long timeoutMillis;

    @Inject
    Event<Exchange> exchanges;

    public Exchange get(Caller caller, String title, String path) {
        return send(caller, title, "GET", path, null);
    }

    public Exchange post(Caller caller, String title, String path, String json) {
        return send(caller, title, "POST", path, json);
    }

    /** Sends with the caller's token when there is one. */
    public Exchange send(Caller caller, String title, String method, String path, String json) {
        String requestId = UUID.randomUUID().toString();
        String traceparent = traceparent();
        String traceId = traceparent.substring(3, 35);
        HttpRequest.Builder request = HttpRequest.newBuilder(broker.resolve(path.startsWith("/") ? path : "/" + path))
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Accept", "application/json")
                .header("X-Request-Id", requestId)
                .header("traceparent", traceparent)
                .header("X-Forwarded-For", caller.address())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        caller.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        Instant at = Instant.now();
        long started = System.nanoTime();
        int status;
        String received;
        String location = null;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            received = response.body();
            location = response.headers().firstValue("Location").orElse(null);
        } catch (HttpTimeoutException e) {
            status = 0;
            received = "the broker did not answer within " + timeoutMillis + " ms";
        } catch (IOException e) {
            status = 0;
            received = "the broker at " + broker + " cannot be reached";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
            received = "interrupted while waiting for the broker";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Exchange exchange =
                new Exchange(title, method, path, json, status, received, location, millis, requestId, traceId, at);
        exchanges.fire(exchange);
        return exchange;
    }

    /**
     * The page request's trace context when the front end traces; otherwise a new sampled one, so the broker and
     * everything behind it still share one trace id the user can look up.
     */
    private static String traceparent() {
        SpanContext current = Span.current().getSpanContext();
        String ours = TraceParent.of(current);
        if (ours != null) {
            return ours;
        }
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        RANDOM.nextBytes(traceId);
        RANDOM.nextBytes(spanId);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }
}
