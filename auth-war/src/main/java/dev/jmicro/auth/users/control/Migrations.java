package dev.jmicro.auth.users.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway: at start-up, and again from the readiness check while it has not
 * succeeded (PostgreSQL was down at start). An empty database gets every migration; an existing one only those it
 * lacks. Once done, {@link SchemaReady} is fired. The empty {@code flyway.location} marker files in
 * {@code db/migration} and {@code db/callback} let Flyway find the folders inside Liberty's class loader.
 */
@ApplicationScoped
public class Migrations {

    /** Fired once, when the schema is up to date. */
    public record SchemaReady() {}

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "jdbc/auth")
    DataSource database;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean done;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        ensure();
    }

    /** Migrates unless that was done already; true when the schema is up to date. */
    public synchronized boolean ensure() {
        if (done) {
            return true;
        }
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(database)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migrations run now)");
            done = true;
            schemaReady.fire(new SchemaReady());
        } catch (RuntimeException e) {
            LOG.severe("database migration failed, will retry: " + e.getMessage());
        }
        return done;
    }
}
