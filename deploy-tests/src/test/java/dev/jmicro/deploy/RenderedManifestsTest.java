package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay with every combination of components renders, and every object it renders is valid for the API. */
class RenderedManifestsTest {

    @BeforeAll
    static void needsKubectl() {
        Manifests.assumeKubectl();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void rendersIntoValidObjects(DeploymentTree.Variant variant) {
        long start = System.nanoTime();
        List<Map<String, Object>> objects = DeploymentTree.get().render(variant);
        List<String> faults = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (Map<String, Object> object : objects) {
            kinds.merge(String.valueOf(object.get("kind")), 1, Integer::sum);
            try {
                ApiSchema.validate(object);
            } catch (IllegalArgumentException e) {
                faults.add(e.getMessage());
            }
        }
        assertEquals(List.of(), faults, variant + ": objects the API would refuse");
        assertFalse(objects.isEmpty());
        System.out.printf(
                "%-45s %3d objects in %4d ms: %s%n",
                variant, objects.size(), (System.nanoTime() - start) / 1_000_000, kinds);
    }

    @Test
    void theValidatorRefusesWhatTheApiWouldRefuse() {
        Map<String, Object> deployment =
                Manifests.named(DeploymentTree.get().render(Manifests.SHIPPED_DEV), "Deployment", "broker");
        ApiSchema.validate(deployment);

        Map<String, Object> misspelt = Manifests.copy(deployment);
        Manifests.container(misspelt).put("imagePullPolcy", "Always");
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> ApiSchema.validate(misspelt));
        assertTrue(unknown.getMessage().contains("imagePullPolcy"), unknown.getMessage());

        Map<String, Object> nameless = Manifests.copy(deployment);
        Manifests.container(nameless).remove("name");
        assertThrows(IllegalArgumentException.class, () -> ApiSchema.validate(nameless));

        Map<String, Object> wrongType = Manifests.copy(deployment);
        Manifests.spec(wrongType).put("replicas", "two");
        assertThrows(IllegalArgumentException.class, () -> ApiSchema.validate(wrongType));

        assertThrows(
                IllegalArgumentException.class,
                () -> ApiSchema.validate(Map.of("apiVersion", "example.com/v1", "kind", "Widget")));
    }

    @Test
    void noSecretIsInTheRepository() throws Exception {
        Path k8s = DeploymentTree.get().source("k8s");
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                if (file.toString().contains("/secrets/")) {
                    continue;
                }
                for (Map<String, Object> object : Kustomize.documents(Files.readString(file))) {
                    assertFalse("Secret".equals(object.get("kind")), file + " holds a Secret");
                    Object generators = object.get("secretGenerator");
                    if (generators instanceof List<?> list) {
                        for (Object generator : list) {
                            Map<?, ?> map = (Map<?, ?>) generator;
                            assertFalse(map.containsKey("literals"), file + ": a literal secret in " + map.get("name"));
                            assertFalse(
                                    map.containsKey("envs"), file + ": secrets from an env file in " + map.get("name"));
                            for (Object path : (List<?>) map.get("files")) {
                                assertTrue(
                                        String.valueOf(path).startsWith("secrets/"),
                                        file + ": " + path + " is not in the git-ignored secrets/ folder");
                            }
                        }
                    }
                }
            }
        }
        String ignored = Files.readString(DeploymentTree.get().source(".gitignore"));
        assertTrue(ignored.contains("k8s/overlays/*/secrets/"), "git ignores the overlays' secrets");
    }
}
