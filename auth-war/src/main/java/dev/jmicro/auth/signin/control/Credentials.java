package dev.jmicro.auth.signin.control;

import dev.jmicro.auth.users.control.PasswordHasher;
import dev.jmicro.auth.users.control.UserStore;
import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Checks an e-mail address and password. An unknown address, a wrong password and an inactive user all give the same
 * refusal after the same work (one bcrypt check), so the answer cannot tell which addresses exist. A locked account
 * or client is refused before any check, whatever the password.
 */
@ApplicationScoped
public class Credentials {

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInThrottle throttle;

    @Inject
    SignInEvents events;

    @Inject
    MetricRegistry metrics;

    /**
     * @param client the address the sign-in comes from (behind the broker, the address the broker forwarded: see
     *     {@code auth.trusted.proxies} in server.xml)
     */
    public SignInOutcome check(String email, String password, String client) {
        Optional<Duration> locked = throttle.lockedFor(email, client);
        if (locked.isPresent()) {
            count("locked");
            return new SignInOutcome.Locked(locked.get());
        }
        Optional<User> user = users.byEmail(email);
        Timer.Context hashing = metrics.timer("auth.hash").time();
        boolean matches;
        try {
            if (user.isPresent()) {
                matches = hasher.matches(password, user.get().passwordHash());
            } else {
                hasher.spendCheckTime(password);
                matches = false;
            }
        } finally {
            hashing.stop();
        }
        if (matches && user.get().active()) {
            upgradeWeakHash(user.get(), password);
            throttle.succeeded(email);
            events.signedIn(user.get().email());
            count("ok");
            return new SignInOutcome.SignedIn(user.get());
        }
        throttle.failed(email, client);
        events.failed(email, client);
        count("failed");
        return new SignInOutcome.Refused();
    }

    /** A hash below the configured cost (an older setting, or an imported table) is replaced now. */
    private void upgradeWeakHash(User user, String password) {
        if (hasher.needsRehash(user.passwordHash())) {
            users.upgradeHash(user.id(), user.passwordHash(), hasher.hash(password));
        }
    }

    private void count(String outcome) {
        metrics.counter("auth.signins", new Tag("outcome", outcome)).inc();
    }
}
