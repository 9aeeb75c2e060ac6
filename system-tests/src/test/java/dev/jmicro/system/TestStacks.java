package dev.jmicro.system;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.Endpoint;
import dev.jmicro.localstack.backing.ZipkinBacking;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stack options for the tests: free ports, a run directory per test class under {@code target/}, and, when CI passes
 * them, the machine's real PostgreSQL and RabbitMQ instead of the embedded ones. On a real PostgreSQL each run gets a
 * scratch database, dropped afterwards: a database kept from an earlier run would hold an admin seeded with that run's
 * generated password.
 */
public final class TestStacks {

    private static final String EXTERNAL_POSTGRES = System.getProperty("it.postgres.url", "");
    private static final String SCRATCH_DATABASE = "jmicro_it_system_" + System.currentTimeMillis();

    private TestStacks() {}

    static Path root() {
        return StackOptions.findRoot();
    }

    static Path runDir(String name) {
        return root().resolve("system-tests/target/stacks").resolve(name);
    }

    public static StackOptions options(String name) {
        StackOptions.Builder builder = StackOptions.forTests(root(), runDir(name)).toBuilder();
        if (!EXTERNAL_POSTGRES.isBlank()) {
            builder.postgres(URI.create(EXTERNAL_POSTGRES), SCRATCH_DATABASE);
        }
        String amqp = System.getProperty("it.amqp.url", "");
        if (!amqp.isBlank()) {
            builder.amqp(URI.create(amqp));
        }
        return builder.build();
    }

    /** Drops this run's scratch database on a real PostgreSQL; nothing to do on the embedded one. */
    public static void dropScratchDatabase() throws SQLException {
        if (EXTERNAL_POSTGRES.isBlank()) {
            return;
        }
        Endpoint server = Endpoint.of(URI.create(EXTERNAL_POSTGRES), 5432, "postgres", "");
        try (Connection maintenance = DriverManager.getConnection(
                "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres",
                server.user(),
                server.password())) {
            maintenance.createStatement().execute("drop database if exists " + SCRATCH_DATABASE);
        }
    }

    /** Waits up to a minute for spans of all the services in one trace; returns the span names seen. */
    static Set<String> awaitTrace(LocalStack stack, String traceId, Set<String> expected) throws InterruptedException {
        ZipkinBacking zipkin = stack.backing(ZipkinBacking.class).orElseThrow();
        Set<String> services = new TreeSet<>();
        Set<String> spans = new TreeSet<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!services.containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            for (JsonObject span : zipkin.trace(traceId)) {
                services.add(span.getJsonObject("localEndpoint").getString("serviceName"));
                spans.add(span.getString("name", ""));
            }
        }
        if (!services.containsAll(expected)) {
            throw new AssertionError("services in trace " + traceId + ": " + services + ", spans: " + spans);
        }
        return spans;
    }
}
