package dev.jmicro.system;

import dev.jmicro.localstack.StackOptions;
import java.net.URI;
import java.nio.file.Path;

/**
 * Stack options for the tests: free ports, a run directory per test class under {@code target/}, and, when CI passes
 * them, the machine's real PostgreSQL and RabbitMQ instead of the embedded ones.
 */
final class TestStacks {

    private TestStacks() {}

    static Path root() {
        return StackOptions.findRoot();
    }

    static Path runDir(String name) {
        return root().resolve("system-tests/target/stacks").resolve(name);
    }

    static StackOptions options(String name) {
        StackOptions.Builder builder = StackOptions.forTests(root(), runDir(name)).toBuilder();
        String postgres = System.getProperty("it.postgres.url", "");
        if (!postgres.isBlank()) {
            builder.postgres(URI.create(postgres), System.getProperty("it.auth.database", "jmicro_it_auth"));
        }
        String amqp = System.getProperty("it.amqp.url", "");
        if (!amqp.isBlank()) {
            builder.amqp(URI.create(amqp));
        }
        return builder.build();
    }
}
