package dev.jmicro.localstack.backing;

import dev.jmicro.localstack.support.ProcessTree;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * PostgreSQL for the auth service: a real PostgreSQL from the zonky binaries (no install, no network), or the server
 * given by a {@code postgresql://user:password@host:port} URL. Either way the database is created if it is missing;
 * nothing is ever dropped.
 */
public final class PostgresBacking implements BackingService {

    private EmbeddedPostgres embedded;
    private final Path dataDir;
    private final Endpoint endpoint;
    private final String database;

    private PostgresBacking(EmbeddedPostgres embedded, Path dataDir, Endpoint endpoint, String database) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.endpoint = endpoint;
        this.database = database;
    }

    /** Starts an embedded PostgreSQL whose data lives in {@code dataDir}, so it survives a restart of the stack. */
    public static PostgresBacking embedded(Path dataDir, int port, String database) throws IOException {
        EmbeddedPostgres postgres = startEmbedded(dataDir, port);
        // The embedded server trusts local connections; the password is only there because services require one.
        PostgresBacking backing = new PostgresBacking(
                postgres, dataDir, new Endpoint("127.0.0.1", port, "postgres", "postgres"), database);
        backing.createDatabaseIfMissing();
        return backing;
    }

    /** Uses a running server, e.g. the machine's PostgreSQL in CI. */
    public static PostgresBacking external(URI url, String database) {
        PostgresBacking backing = new PostgresBacking(null, null, Endpoint.of(url, 5432, "postgres", ""), database);
        backing.createDatabaseIfMissing();
        return backing;
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    /** Whether this is the embedded server (which a test may stop, kill or pause), not the machine's. */
    public boolean isEmbedded() {
        return dataDir != null;
    }

    /** Stops the embedded server, keeping its data, e.g. to test how the services cope. */
    public synchronized void stop() {
        close();
        embedded = null;
    }

    /**
     * Kills the embedded server without notice (SIGKILL to the postmaster and its backends), as a crash would;
     * {@link #start} brings it back and PostgreSQL recovers from its write-ahead log.
     */
    public synchronized void kill() {
        ProcessTree.kill(postmaster());
        stop(); // releases the data directory's lock; its pg_ctl stop finds nothing running and says so
    }

    /** Freezes the embedded server (SIGSTOP to the postmaster and its backends): connections hang, none fail. */
    public synchronized void pause() {
        ProcessTree.signal(postmaster(), "-STOP");
    }

    public synchronized void resume() {
        ProcessTree.signal(postmaster(), "-CONT");
    }

    /** The postmaster, by the pid PostgreSQL writes in the first line of {@code postmaster.pid}. */
    private ProcessHandle postmaster() {
        if (embedded == null) {
            throw new IllegalStateException("only a running embedded PostgreSQL can be killed or paused");
        }
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read postmaster.pid: " + e.getMessage(), e);
        }
    }

    /** Starts a stopped embedded server again, on the same port with the same data. */
    public synchronized void start() throws IOException {
        if (dataDir == null) {
            throw new IllegalStateException("an external PostgreSQL is not started or stopped from here");
        }
        if (embedded == null) {
            embedded = startEmbedded(dataDir, endpoint.port());
        }
    }

    private void createDatabaseIfMissing() {
        String maintenance = "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(maintenance, endpoint.user(), endpoint.password());
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    // Identifiers cannot be bound as parameters; the name is checked to be a plain identifier.
                    if (!database.matches("[a-z_][a-z0-9_]*")) {
                        throw new IllegalArgumentException("database name must be a plain identifier: " + database);
                    }
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach PostgreSQL at " + endpoint.host() + ":" + endpoint.port() + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + database;
    }

    public String user() {
        return endpoint.user();
    }

    public String password() {
        return endpoint.password();
    }

    @Override
    public Backing kind() {
        return Backing.POSTGRES;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String describe() {
        return "postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + database
                + (embedded == null ? "" : " (embedded)");
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "DB_HOST", endpoint.host(),
                "DB_PORT", Integer.toString(endpoint.port()),
                "DB_NAME", database,
                "DB_USER", endpoint.user(),
                "DB_PASSWORD", endpoint.password());
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("postgres: stop failed: " + e.getMessage());
            }
        }
    }
}
