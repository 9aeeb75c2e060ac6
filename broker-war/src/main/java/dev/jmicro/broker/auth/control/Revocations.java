package dev.jmicro.broker.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Which tokens no longer count although their signature and expiry are fine: those of users deactivated, demoted,
 * deleted or given a new password since they were issued. Auth keeps the list ({@code GET /tokens/revocations}); the
 * broker reads it again when its copy is older than {@code broker.tokens.recheck-seconds} (one request reads it, the
 * others go on with the copy), so a revocation takes effect within that time. While auth cannot be read, the last
 * copy stands ({@code broker_revocations_reads_total{outcome="failed"}}).
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    private final ReentrantLock reading = new ReentrantLock();

    /** User id to the last moment (seconds since the epoch) up to which their tokens are revoked. */
    private volatile Map<String, Long> revoked = Map.of();

    private volatile long readAtNanos;
    private volatile boolean everRead;

    @Inject
    Authenticator auth;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "broker.tokens.recheck-seconds", defaultValue = "15")
    long recheckSeconds;

    /** Whether a token of {@code subject} issued at {@code issuedAt} (seconds since the epoch) is revoked. */
    public boolean revoked(String subject, long issuedAt) {
        refreshIfOld();
        Long until = revoked.get(subject);
        return until != null && issuedAt <= until;
    }

    private void refreshIfOld() {
        boolean old = !everRead || System.nanoTime() - readAtNanos >= recheckSeconds * 1_000_000_000L;
        if (!old || !reading.tryLock()) {
            return;
        }
        try {
            revoked = parse(auth.revocations());
            count("read");
        } catch (RuntimeException e) {
            count("failed");
            LOG.warning("the token revocations cannot be read from auth: " + e.getMessage());
        } finally {
            readAtNanos = System.nanoTime(); // also after a failure: auth is asked again in one period, not at once
            everRead = true;
            reading.unlock();
        }
    }

    private static Map<String, Long> parse(JsonObject answer) {
        JsonArray list = answer.getJsonArray("revoked");
        if (list == null) {
            throw new IllegalStateException("not a revocation list");
        }
        Map<String, Long> found = new HashMap<>();
        try {
            for (JsonObject entry : list.getValuesAs(JsonObject.class)) {
                found.merge(
                        entry.getString("sub"),
                        entry.getJsonNumber("issued_until").longValue(),
                        Math::max);
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalStateException("not a revocation list: " + e.getMessage(), e);
        }
        return Map.copyOf(found);
    }

    private void count(String outcome) {
        metrics.counter("broker_revocations_reads_total", new Tag("outcome", outcome))
                .inc();
    }
}
