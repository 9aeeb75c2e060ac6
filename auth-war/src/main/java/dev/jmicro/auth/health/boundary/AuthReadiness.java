package dev.jmicro.auth.health.boundary;

import dev.jmicro.auth.crypto.control.KeyRing;
import dev.jmicro.auth.signin.control.SigningKey;
import dev.jmicro.auth.users.control.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when PostgreSQL answers, the schema is migrated, a signing key is loaded and the crypto keys are read. A database that comes back makes
 * the service ready again by itself: each check opens a pooled connection, and migrates if start-up could not.
 */
@Readiness
@ApplicationScoped
public class AuthReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/auth")
    DataSource database;

    @Inject
    Migrations migrations;

    @Inject
    SigningKey signingKey;

    @Inject
    KeyRing cryptoKeys;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("auth");
        boolean databaseUp;
        try (Connection connection = database.getConnection()) {
            databaseUp = connection.isValid(2);
            answer.withData("postgres", databaseUp ? "up" : "not answering");
        } catch (SQLException e) {
            databaseUp = false;
            answer.withData("postgres", "down: " + e.getMessage());
        }
        boolean migrated = databaseUp && migrations.ensure();
        answer.withData("schema", migrated ? "migrated" : "not migrated");
        signingKey
                .problem()
                .ifPresentOrElse(
                        problem -> answer.withData("signing_key", problem),
                        () -> answer.withData("signing_key", "loaded"));
        cryptoKeys
                .problem()
                .ifPresentOrElse(
                        problem -> answer.withData("crypto_keys", problem),
                        () -> answer.withData("crypto_keys", "loaded"));
        return answer.status(migrated
                        && signingKey.key().isPresent()
                        && cryptoKeys.problem().isEmpty())
                .build();
    }
}
