package dev.jmicro.system;

import static dev.jmicro.localstack.testing.Eventually.eventually;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.ZipkinBacking;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stack options for the whole-system tests: free ports and a run directory per test class under {@code target/}
 * ({@link dev.jmicro.localstack.testing.TestStack} adds the machine's own PostgreSQL and RabbitMQ where CI names them).
 */
public final class TestStacks {

    private TestStacks() {}

    static Path root() {
        return StackOptions.findRoot();
    }

    static Path runDir(String name) {
        return root().resolve("system-tests/target/stacks").resolve(name);
    }

    public static StackOptions.Builder options(String name) {
        return StackOptions.forTests(root(), runDir(name)).toBuilder();
    }

    /** Waits up to a minute for spans of all the services in one trace; returns the span names seen. */
    static Set<String> awaitTrace(LocalStack stack, String traceId, Set<String> expected) {
        ZipkinBacking zipkin = stack.backing(ZipkinBacking.class).orElseThrow();
        Map<String, Set<String>> seen = eventually(
                Duration.ofMinutes(1),
                () -> {
                    Map<String, Set<String>> spans = new TreeMap<>();
                    for (JsonObject span : zipkin.trace(traceId)) {
                        spans.computeIfAbsent(
                                        span.getJsonObject("localEndpoint").getString("serviceName"),
                                        service -> new TreeSet<>())
                                .add(span.getString("name", ""));
                    }
                    return spans;
                },
                spans -> spans.keySet().containsAll(expected),
                "spans of " + expected + " in trace " + traceId);
        Set<String> names = new TreeSet<>();
        seen.values().forEach(names::addAll);
        return names;
    }
}
