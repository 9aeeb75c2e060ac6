package dev.jmicro.auth.users.control;

import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the administrator named by {@code auth.admin.email} with the password {@code auth.admin.password} when no
 * user has that address yet. The password never has a default: without one, no admin is seeded. Runs once the
 * schema is ready.
 */
@ApplicationScoped
public class AdminSeeder {

    private static final Logger LOG = Logger.getLogger(AdminSeeder.class.getName());

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "auth.admin.email", defaultValue = "admin@example.com")
    String email;

    @Inject
    @ConfigProperty(name = "auth.admin.password")
    Optional<String> password;

    void seed(@Observes Migrations.SchemaReady schemaReady) {
        if (password.isEmpty() || password.get().isBlank()) {
            LOG.warning("auth.admin.password is not set: no administrator is seeded");
            return;
        }
        if (users.byEmail(email).isEmpty()) {
            users.add(new User(email, "Admin", "", hasher.hash(password.get()), true));
            LOG.info("seeded the administrator " + email);
        }
    }
}
