package dev.jmicro.auth.users.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt through a well-kept library (at.favre.lib:bcrypt). New hashes are {@code $2a$} with the configured cost;
 * verification also accepts the {@code $2b$} and {@code $2y$} hashes of the original system's table.
 */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    // A hash of a random password: checking against it costs what a real check costs, so an unknown e-mail address
    // answers as slowly as a wrong password.
    private final String decoy;

    @Inject
    public PasswordHasher(@ConfigProperty(name = "auth.bcrypt.cost", defaultValue = "10") int cost) {
        this.cost = cost;
        this.decoy = BCrypt.withDefaults()
                .hashToString(cost, java.util.UUID.randomUUID().toString().toCharArray());
    }

    /** Needed by CDI to proxy the bean; never used directly. */
    protected PasswordHasher() {
        this.cost = 0;
        this.decoy = null;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time of one check without any result, for sign-ins of unknown users. */
    public void spendCheckTime(String password) {
        matches(password, decoy);
    }
}
