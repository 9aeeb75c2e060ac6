package dev.jmicro.auth.signin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Slows down password guessing: {@code auth.throttle.account-failures} failed sign-ins for one account, or
 * {@code auth.throttle.client-failures} from one client, within {@code auth.throttle.window-seconds}, lock that
 * account or client for {@code auth.throttle.lock-seconds}. Unknown accounts are counted like known ones, so a lock
 * tells nothing about which addresses exist. Kept in memory: per instance, and forgotten on restart.
 */
@ApplicationScoped
public class SignInThrottle {

    @Inject
    @ConfigProperty(name = "auth.throttle.account-failures", defaultValue = "5")
    int accountFailures;

    @Inject
    @ConfigProperty(name = "auth.throttle.client-failures", defaultValue = "20")
    int clientFailures;

    @Inject
    @ConfigProperty(name = "auth.throttle.window-seconds", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "auth.throttle.lock-seconds", defaultValue = "300")
    long lockSeconds;

    @Inject
    MetricRegistry metrics;

    /** Failure times and the lock of one account or client; guarded by its own monitor. */
    private static final class Record {
        final Deque<Long> failures = new ArrayDeque<>();
        long lockedUntil;

        synchronized long lockedUntil() {
            return lockedUntil;
        }
    }

    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    @PostConstruct
    void registerGauge() {
        metrics.gauge("auth.locked", this, SignInThrottle::lockedNow);
    }

    /** How long sign-ins for this account or from this client stay refused; empty when they are not. */
    public Optional<Duration> lockedFor(String account, String client) {
        long now = System.currentTimeMillis();
        long until = Math.max(lockedUntil(accountKey(account)), lockedUntil(clientKey(client)));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    public void failed(String account, String client) {
        count(accountKey(account), accountFailures);
        count(clientKey(client), clientFailures);
    }

    /** A success clears the account's failures; the client's stay, since one client may try many accounts. */
    public void succeeded(String account) {
        records.remove(accountKey(account));
    }

    private void count(String key, int limit) {
        long now = System.currentTimeMillis();
        Record record = records.computeIfAbsent(key, k -> new Record());
        synchronized (record) {
            record.failures.addLast(now);
            while (!record.failures.isEmpty() && record.failures.peekFirst() < now - windowSeconds * 1000) {
                record.failures.removeFirst();
            }
            if (record.failures.size() >= limit) {
                record.lockedUntil = now + lockSeconds * 1000;
                record.failures.clear();
                metrics.counter("auth.lockouts").inc();
            }
        }
        // At most one sweep a second: under a flood of recent failures a sweep frees little, and sweeping on every
        // failure would let each guess cost a scan of the whole map.
        if (records.size() > 100_000 && now - lastSweep > 1000) {
            lastSweep = now;
            forgetStale(now);
        }
    }

    private long lockedUntil(String key) {
        Record record = records.get(key);
        return record == null ? 0 : record.lockedUntil();
    }

    private long lockedNow() {
        long now = System.currentTimeMillis();
        return records.values().stream().filter(r -> r.lockedUntil() > now).count();
    }

    /** Bounds the memory a flood of made-up accounts can take: drops records with no lock and no recent failure. */
    private void forgetStale(long now) {
        records.entrySet().removeIf(entry -> {
            Record record = entry.getValue();
            synchronized (record) {
                Long last = record.failures.peekLast();
                return record.lockedUntil < now && (last == null || last < now - windowSeconds * 1000);
            }
        });
    }

    private static String accountKey(String account) {
        return "account:" + account.trim().toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
