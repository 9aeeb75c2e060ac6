package dev.jmicro.broker.identity.control;

import dev.jmicro.broker.signin.control.AuthGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Whether a token's user may still act: a signed token stays valid until it expires (an hour), but a user deactivated
 * or deleted since must be stopped sooner. Auth is asked ({@code GET /users/me}, with the caller's token) at most once
 * per user every {@code broker.tokens.recheck-seconds}, so a deactivation takes effect within that time. While auth
 * cannot be asked, the last answer stands, and a user never checked is let through: the token itself was verified,
 * and the broker does not refuse every signed-in user because auth is down (counted in
 * {@code broker_account_checks_total{outcome="unknown"}}).
 */
@ApplicationScoped
public class AccountChecks {

    private static final Logger LOG = Logger.getLogger(AccountChecks.class.getName());

    /** Users remembered at most; past it the memory starts again (each user is then asked once more). */
    private static final int REMEMBERED = 10_000;

    private record Known(boolean active, Instant until) {}

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Inject
    AuthGateway auth;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "broker.tokens.recheck-seconds", defaultValue = "15")
    long recheckSeconds;

    Clock clock = Clock.systemUTC();

    /** True unless auth said, within the recheck time, that the token's user is deactivated or deleted. */
    public boolean mayAct(String subject) {
        Instant now = clock.instant();
        Known last = known.get(subject);
        if (last != null && now.isBefore(last.until())) {
            return last.active();
        }
        Response answer = auth.me();
        int status = answer.getStatus();
        answer.close();
        if (status == 200 || status == 401) {
            boolean active = status == 200;
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(subject, new Known(active, now.plus(Duration.ofSeconds(recheckSeconds))));
            count(active ? "active" : "revoked");
            if (!active) {
                LOG.info("a token of user " + subject + " was refused: the account is deactivated or deleted");
            }
            return active;
        }
        count("unknown");
        return last == null || last.active();
    }

    private void count(String outcome) {
        metrics.counter("broker_account_checks_total", new Tag("outcome", outcome)).inc();
    }
}
