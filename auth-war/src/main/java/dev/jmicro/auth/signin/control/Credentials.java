package dev.jmicro.auth.signin.control;

import dev.jmicro.auth.users.control.PasswordHasher;
import dev.jmicro.auth.users.control.UserStore;
import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Checks an e-mail address and password. An unknown address, a wrong password and an inactive user all give the same
 * empty answer after the same work (one bcrypt check), so the answer cannot tell which addresses exist.
 */
@ApplicationScoped
public class Credentials {

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    MetricRegistry metrics;

    /** The user, if the credentials are right and the user may sign in. */
    public Optional<User> check(String email, String password) {
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
        boolean ok = matches && user.get().active();
        metrics.counter("auth.signins", new Tag("outcome", ok ? "ok" : "failed"))
                .inc();
        return ok ? user : Optional.empty();
    }
}
