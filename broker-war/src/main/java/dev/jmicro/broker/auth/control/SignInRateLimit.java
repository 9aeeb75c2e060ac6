package dev.jmicro.broker.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * At most {@code broker.signin.rate-limit} sign-ins per client per {@code broker.signin.rate-window-seconds}, counted
 * at the edge before auth is asked (auth's own throttle counts failures per account; this one bounds how fast any
 * client may try). A fixed window per client address; windows that ended are swept at most once per window, so the
 * memory is bounded by the clients of one window. Written by hand: a counter map is all it takes, and a bucket library
 * would still need this map and its sweeping.
 */
@ApplicationScoped
public class SignInRateLimit {

    /** One client's window: when it started and how many sign-ins it has seen. */
    private record Window(long startMillis, int count) {}

    @Inject
    @ConfigProperty(name = "broker.signin.rate-limit", defaultValue = "20")
    int limit;

    @Inject
    @ConfigProperty(name = "broker.signin.rate-window-seconds", defaultValue = "60")
    long windowSeconds;

    @Inject
    MetricRegistry metrics;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweepMillis;

    /** Counts one sign-in; empty when allowed, else the seconds until the client's window ends. */
    public OptionalLong tryAcquire(String client) {
        long now = System.currentTimeMillis();
        long windowMillis = windowSeconds * 1000;
        sweep(now, windowMillis);
        Window window = windows.compute(
                client,
                (address, current) -> current == null || now - current.startMillis() >= windowMillis
                        ? new Window(now, 1)
                        : new Window(current.startMillis(), current.count() + 1));
        if (window.count() <= limit) {
            return OptionalLong.empty();
        }
        metrics.counter("broker.signin.rate-limited").inc();
        return OptionalLong.of(Math.max(1, (window.startMillis() + windowMillis - now + 999) / 1000));
    }

    private void sweep(long now, long windowMillis) {
        if (now - lastSweepMillis < windowMillis) {
            return;
        }
        lastSweepMillis = now;
        windows.values().removeIf(window -> now - window.startMillis() >= windowMillis);
    }
}
