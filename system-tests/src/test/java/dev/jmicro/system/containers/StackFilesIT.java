package dev.jmicro.system.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Swarm stack as {@code docker stack deploy} reads it: the Docker CLI merges and checks the files against the
 * stack schema without a daemon ({@code docker stack config}), and what it prints is what Swarm would deploy.
 */
class StackFilesIT {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    private static final List<String> STATELESS = List.of("frontend", "broker", "auth", "logger", "listener");
    private static Podman shell;

    @BeforeAll
    static void needsTheDockerCli() {
        boolean docker =
                Files.isExecutable(Path.of("/usr/local/bin/docker")) || Files.isExecutable(Path.of("/usr/bin/docker"));
        Assumptions.assumeTrue(docker, "stack file checks skipped: no Docker CLI on this machine");
        shell = new Podman(Path.of(System.getProperty("stack.root")).resolve("docker"), Map.of());
    }

    @Test
    void theSwarmStackIsValidAndRollsOutSafely() {
        String merged = shell.ok(
                LIMIT,
                "docker",
                "stack",
                "config",
                "-c",
                "compose.yaml",
                "-c",
                "stack.yaml",
                "-c",
                "compose.observability.yaml");
        for (String service : STATELESS) {
            String block = serviceBlock(merged, service);
            assertTrue(block.contains("replicas: 2"), service + " runs two replicas:\n" + block);
            assertTrue(block.contains("order: start-first"), service + " starts the new task first");
            assertTrue(block.contains("failure_action: rollback"), service + " rolls back a failed update");
            assertTrue(block.contains("healthcheck:"), service + " has a health check");
            assertTrue(block.contains("memory:"), service + " has a memory limit");
            assertFalse(
                    block.contains("ports:") && !List.of("frontend", "broker").contains(service),
                    service + " publishes nothing");
        }
        assertTrue(merged.contains("prometheus_config"), "Prometheus' configuration is a Swarm config");
        assertTrue(merged.contains("jwt_signing_key"), "the signing key is a Swarm secret");
    }

    @Test
    void composeOnlySettingsStayOutOfTheStack() {
        // docker stack deploy rejects depends_on with conditions: that is why compose.override.yaml is separate.
        Podman.Result withOverride =
                shell.run(LIMIT, "docker", "stack", "config", "-c", "compose.yaml", "-c", "compose.override.yaml");
        assertFalse(withOverride.ok(), "the stack schema rejects the compose-only override");
        assertEquals(
                0,
                shell.run(LIMIT, "docker", "stack", "config", "-c", "compose.yaml")
                        .exitCode());
    }

    /** The lines of one service in docker stack config's output, from its name to the next service. */
    private static String serviceBlock(String merged, String service) {
        int start = merged.indexOf("\n  " + service + ":\n");
        assertTrue(start >= 0, service + " is in the stack");
        int end = merged.indexOf("\n  ", start + 4);
        while (end >= 0 && merged.charAt(end + 3) == ' ') {
            end = merged.indexOf("\n  ", end + 3);
        }
        return merged.substring(start, end < 0 ? merged.length() : end);
    }
}
