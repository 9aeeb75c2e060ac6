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
import org.yaml.snakeyaml.Yaml;

/**
 * The Swarm stack as {@code docker stack deploy} reads it: the Docker CLI merges and checks the files against the
 * stack schema without a daemon ({@code docker stack config}), and what it prints is what Swarm would deploy.
 */
class StackFilesIT {

    private static final Duration LIMIT = Duration.ofMinutes(1);
    /** Liberty's quiesce: how long it lets requests in flight finish after SIGTERM. */
    private static final int LIBERTY_QUIESCE_SECONDS = 30;

    private static final List<String> SERVICES = List.of("frontend", "broker", "auth", "logger", "listener", "mail");
    /** Behind the edge: replicated, rolled out new task first. */
    private static final List<String> STATELESS = List.of("auth", "logger", "listener");
    /** The edge: published on each node's own port. */
    private static final List<String> EDGE = List.of("frontend", "broker");

    private static Podman shell;
    private static Map<String, Object> mergedStack;

    @BeforeAll
    static void needsTheDockerCli() {
        boolean docker =
                Files.isExecutable(Path.of("/usr/local/bin/docker")) || Files.isExecutable(Path.of("/usr/bin/docker"));
        Assumptions.assumeTrue(docker, "stack file checks skipped: no Docker CLI on this machine");
        shell = new Podman(Path.of(System.getProperty("stack.root")).resolve("docker"), Map.of());
    }

    @Test
    void theSwarmStackIsValidAndRollsOutSafely() {
        Map<String, Object> stack = stack();
        for (String service : STATELESS) {
            Map<String, Object> deploy = map(service(stack, service), "deploy");
            assertEquals(2, deploy.get("replicas"), service + " runs two replicas");
            assertEquals(
                    "start-first", map(deploy, "update_config").get("order"), service + " starts the new task first");
            assertEquals("rollback", map(deploy, "update_config").get("failure_action"), service + " rolls back");
        }
        for (String service : EDGE) {
            Map<String, Object> deploy = map(service(stack, service), "deploy");
            assertEquals("global", deploy.get("mode"), service + " runs one task on every node");
            // The node's port is free for the new task only once the old one has stopped.
            assertEquals("stop-first", map(deploy, "update_config").get("order"), service);
            assertEquals("rollback", map(deploy, "update_config").get("failure_action"), service + " rolls back");
        }
        for (String service : SERVICES) {
            Map<String, Object> definition = service(stack, service);
            assertTrue(definition.containsKey("healthcheck"), service + " has a health check");
            assertTrue(
                    map(map(map(definition, "deploy"), "resources"), "limits").containsKey("memory"), service);
            assertTrue(
                    seconds(definition.get("stop_grace_period")) > LIBERTY_QUIESCE_SECONDS,
                    service + " may finish Liberty's quiesce before it is killed");
        }
        assertTrue(map(stack, "configs").containsKey("prometheus_config"), "Prometheus' configuration is a config");
        assertTrue(map(stack, "secrets").containsKey("jwt_signing_key"), "the signing key is a Swarm secret");
    }

    /**
     * Auth and the broker believe X-Forwarded-For only from the backend network's fixed subnet (compose.yaml). A
     * network named again in a later file replaces the earlier one whole, so the subnet must survive the merge, and
     * the edge must see each client's own address: published through the routing mesh, every client would arrive
     * from one ingress address and share one sign-in limit.
     */
    @Test
    void theSwarmStackKeepsTheAddressesTheProxyRuleTrusts() {
        Map<String, Object> stack = stack();
        List<?> ipam =
                (List<?>) map(map(map(stack, "networks"), "backend"), "ipam").get("config");
        assertTrue(ipam != null && ipam.size() == 1, "the backend network keeps its IPAM block: " + ipam);
        String subnet = String.valueOf(((Map<?, ?>) ipam.get(0)).get("subnet"));
        assertEquals("10.210.1.0/24", subnet, "the backend network's subnet");
        String prefix = subnet.substring(0, subnet.lastIndexOf('.') + 1);
        for (String service : List.of("broker", "auth")) {
            String trusted = String.valueOf(map(service(stack, service), "environment")
                    .get(service.toUpperCase(java.util.Locale.ROOT) + "_TRUSTED_PROXIES"));
            assertTrue((prefix + "7").matches(trusted), service + " trusts the frontend's address in the subnet");
            assertFalse((prefix + "1").matches(trusted), service + " does not trust the gateway");
        }
        for (String service : EDGE) {
            for (Object port : (List<?>) service(stack, service).get("ports")) {
                assertEquals("host", ((Map<?, ?>) port).get("mode"), service + " is published on the node itself");
            }
        }
    }

    /** Swarm ignores a published port's 127.0.0.1 and publishes on every node: only what signs people in is published. */
    @Test
    void theSwarmStackPublishesNothingWithoutItsOwnSignIn() {
        Map<String, Object> services = map(stack(), "services");
        List<String> published = services.keySet().stream()
                .filter(name -> map(services, name).containsKey("ports"))
                .sorted()
                .toList();
        assertEquals(List.of("broker", "frontend"), published, "the services Swarm publishes on every node");
    }

    /**
     * A service's name in Swarm is one virtual IP in front of its tasks: Prometheus must find each task by
     * tasks.<service>, or every scrape reaches another replica.
     */
    @Test
    void prometheusFindsEveryTaskInSwarm() throws Exception {
        Map<String, Object> config = map(map(stack(), "configs"), "prometheus_config");
        String prometheus = Files.readString(Path.of(String.valueOf(config.get("file"))));
        for (String service : SERVICES) {
            assertTrue(prometheus.contains("tasks." + service), "Prometheus discovers every task of " + service);
        }
    }

    /** A re-created RabbitMQ container must be the same node, or it leaves its queued messages behind. */
    @Test
    void everyStatefulContainerHasAStableIdentity() {
        Map<String, Object> services = map(stack(), "services");
        for (String name : services.keySet()) {
            Map<String, Object> service = map(services, name);
            boolean stateful = ((List<?>) service.getOrDefault("volumes", List.of()))
                    .stream().anyMatch(v -> "volume".equals(((Map<?, ?>) v).get("type")));
            if (stateful) {
                assertTrue(service.get("hostname") != null, name + " keeps a fixed hostname");
            }
        }
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

    /** The whole stack with the observability layer, as docker stack config merges it for Swarm: merged once. */
    private static Map<String, Object> stack() {
        if (mergedStack == null) {
            mergedStack = merge();
        }
        return mergedStack;
    }

    private static Map<String, Object> merge() {
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
                "compose.observability.yaml",
                "-c",
                "stack.observability.yaml");
        return new Yaml().load(merged.substring(merged.indexOf("version:")));
    }

    private static Map<String, Object> service(Map<String, Object> stack, String name) {
        Map<String, Object> service = map(map(stack, "services"), name);
        assertFalse(service.isEmpty(), name + " is in the stack");
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static int seconds(Object duration) {
        String value = String.valueOf(duration);
        assertTrue(value.endsWith("s"), "a duration in seconds: " + value);
        return Integer.parseInt(value.substring(0, value.length() - 1));
    }
}
