package dev.jmicro.localstack.testing;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Progress;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.Endpoint;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local stack for one test class: started before its first test, stopped after its last, as a JUnit 5 extension
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestStack STACK = TestStack.of(StackOptions.forTests("logger-war/target/it-stack")
 *         .services(Set.of(Service.LOGGER)));
 * }</pre>
 *
 * or by hand ({@link #start()}, {@link #close()}) where JUnit's extensions do not reach (jqwik's lifecycle). A
 * {@link #shared} stack, registered by several test classes, is started by the first and stopped once all have run.
 *
 * <p>When CI names the machine's own services ({@code -Dit.postgres.url}, {@code -Dit.amqp.url}), the stack uses them
 * instead of the embedded ones. On a real PostgreSQL each test class gets a scratch database, dropped afterwards: a
 * database kept from an earlier run would hold an admin seeded with that run's generated password.
 */
public final class TestStack implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final String EXTERNAL_POSTGRES = System.getProperty("it.postgres.url", "");
    private static final String EXTERNAL_AMQP = System.getProperty("it.amqp.url", "");

    private final StackOptions.Builder options;
    private final boolean shared;
    private LocalStack stack;
    private String scratchDatabase;

    private TestStack(StackOptions.Builder options, boolean shared) {
        this.options = options;
        this.shared = shared;
    }

    /** A stack for one test class. */
    public static TestStack of(StackOptions.Builder options) {
        return new TestStack(options, false);
    }

    /** A stack for every test class that registers this instance: one start for all of them. */
    public static TestStack shared(StackOptions.Builder options) {
        return new TestStack(options, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (stack != null) {
            return; // a shared stack, started for an earlier class
        }
        start();
        if (shared) {
            // Closed when the whole test run ends, after the last class that uses it.
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(this, (ExtensionContext.Store.CloseableResource) this::close);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (!shared) {
            close();
        }
    }

    /** Starts the stack, on the machine's own PostgreSQL and AMQP broker where CI names them. */
    public LocalStack start() {
        StackOptions chosen = options.build();
        if (!EXTERNAL_POSTGRES.isBlank()) {
            String name = chosen.runDir().getFileName().toString().replaceAll("\\W", "_");
            scratchDatabase = ("jmicro_it_" + name + "_" + System.currentTimeMillis()).toLowerCase(Locale.ROOT);
            options.postgres(URI.create(EXTERNAL_POSTGRES), scratchDatabase);
        }
        if (!EXTERNAL_AMQP.isBlank()) {
            options.amqp(URI.create(EXTERNAL_AMQP));
        }
        stack = LocalStack.start(options.build(), Progress.toStdout());
        return stack;
    }

    /** The running stack. */
    public LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return stack;
    }

    /** Stops the stack and drops the scratch database, if any. */
    @Override
    public void close() throws SQLException {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (scratchDatabase != null) {
            Endpoint server = Endpoint.of(URI.create(EXTERNAL_POSTGRES), 5432, "postgres", "");
            try (Connection maintenance = DriverManager.getConnection(
                    "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres",
                    server.user(),
                    server.password())) {
                maintenance.createStatement().execute("drop database if exists " + scratchDatabase);
            }
            scratchDatabase = null;
        }
    }
}
