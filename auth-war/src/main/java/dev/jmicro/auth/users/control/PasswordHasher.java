package dev.jmicro.auth.users.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
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
    public PasswordHasher(@ConfigProperty(name = "auth.bcrypt.cost", defaultValue = "12") int cost) {
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

    /**
     * Whether a hash is weaker than new ones: made with a lower cost than the configured one (or unreadable). Such a
     * hash is replaced at the user's next successful sign-in, the one moment the password is known.
     */
    public boolean needsRehash(String hash) {
        try {
            return BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost < cost;
        } catch (IllegalBCryptFormatException e) {
            return true;
        }
    }

    /** Spends the time of one check without any result, for sign-ins of unknown users. */
    public void spendCheckTime(String password) {
        matches(password, decoy);
    }
}
