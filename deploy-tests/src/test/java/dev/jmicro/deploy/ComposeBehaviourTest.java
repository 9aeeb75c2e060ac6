package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a container engine does with docker/compose.yaml that its schema does not show: how long it waits before it
 * kills a stopping container, and under which name a re-created container starts. The Swarm stack, which needs the
 * Docker CLI to merge, is checked by system-tests' StackFilesIT.
 */
class ComposeBehaviourTest {

    private final ComposeFile compose =
            new ComposeFile(DeploymentTree.get().source("docker"), "compose.yaml", "compose.override.yaml");

    @Test
    void everyServiceMayFinishItsQuiesceBeforeItIsKilled() {
        for (String service : Manifests.SERVICES) {
            Object grace = compose.service(service).get("stop_grace_period");
            assertTrue(
                    grace != null && seconds(grace) > PodShapeTest.LIBERTY_QUIESCE_SECONDS,
                    service + ": stop_grace_period " + grace + " must exceed Liberty's "
                            + PodShapeTest.LIBERTY_QUIESCE_SECONDS + " s quiesce (the engine's default is 10 s)");
        }
    }

    /**
     * A container that keeps data in a named volume keeps a fixed hostname: RabbitMQ names its node, and so its data
     * directory, after the host, and a re-created container would otherwise start as a new, empty node.
     */
    @Test
    void everyStatefulContainerHasAStableIdentity() {
        List<String> faults = new ArrayList<>();
        for (Object name : Manifests.map(compose.merged(), "services").keySet()) {
            Map<String, Object> service = compose.service(String.valueOf(name));
            boolean stateful = ((List<?>) service.getOrDefault("volumes", List.of()))
                    .stream()
                            .anyMatch(v -> !String.valueOf(v).startsWith(".")
                                    && !String.valueOf(v).startsWith("/"));
            if (stateful && service.get("hostname") == null) {
                faults.add(String.valueOf(name));
            }
        }
        assertEquals(List.of(), faults, "stateful containers without a fixed hostname");
        assertEquals("rabbitmq", compose.service("rabbitmq").get("hostname"));
    }

    private static int seconds(Object duration) {
        String value = String.valueOf(duration);
        if (value.endsWith("m")) {
            return Integer.parseInt(value.substring(0, value.length() - 1)) * 60;
        }
        assertTrue(value.endsWith("s"), "a duration in s or m: " + value);
        return Integer.parseInt(value.substring(0, value.length() - 1));
    }
}
