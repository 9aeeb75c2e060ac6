package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key a service reads without a usable default is set where it runs, in Kubernetes and in compose alike;
 * nothing is set that it does not read; every file it is pointed at is mounted.
 */
class ConfigurationConsistencyTest {

    private static final List<String> SHARED_CONFIG_MAPS = List.of("jmicro-services", "jmicro-amqp");
    private final DeploymentTree tree = DeploymentTree.get();
    private final ServiceConfiguration rules = new ServiceConfiguration(tree.repository);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void everyServiceGetsWhatItReadsInKubernetes(DeploymentTree.Variant variant) {
        Manifests.assumeKubectl();
        List<Map<String, Object>> objects = tree.render(variant);
        List<String> faults = new ArrayList<>();
        for (String service : Manifests.SERVICES) {
            Map<String, Object> workload = Manifests.workload(objects, service);
            Set<String> shared = new LinkedHashSet<>();
            for (String configMap : Manifests.configMaps(workload)) {
                if (SHARED_CONFIG_MAPS.stream().anyMatch(configMap::startsWith)) {
                    shared.addAll(Manifests.map(Manifests.named(objects, "ConfigMap", configMap), "data")
                            .keySet());
                }
            }
            faults.addAll(rules.faults(
                    service,
                    Manifests.environment(objects, workload),
                    shared,
                    Manifests.secretFiles(objects, workload, "/run/secrets")));
        }
        assertEquals(List.of(), faults, variant.name());
    }

    @Test
    void everyServiceGetsWhatItReadsInCompose() {
        for (String[] files : List.of(
                new String[] {"compose.yaml", "compose.override.yaml"},
                new String[] {"compose.yaml", "compose.override.yaml", "compose.observability.yaml"},
                new String[] {"compose.yaml", "stack.yaml"})) {
            ComposeFile compose = new ComposeFile(tree.source("docker"), files);
            List<String> faults = new ArrayList<>();
            for (String service : Manifests.SERVICES) {
                Map<String, String> environment = compose.environment(service);
                // The anchors every service gets in compose.yaml: the addresses, the AMQP settings, tracing.
                Set<String> shared = new LinkedHashSet<>(environment.keySet());
                shared.retainAll(sharedKubernetesNames());
                faults.addAll(rules.faults(service, environment, shared, compose.secrets(service)));
            }
            assertEquals(List.of(), faults, String.join(" + ", files));
        }
    }

    @Test
    void theRulesFindWhatIsMissingOrMisplaced() {
        ComposeFile compose = new ComposeFile(tree.source("docker"), "compose.yaml");
        Map<String, String> environment = new java.util.LinkedHashMap<>(compose.environment("auth"));
        List<String> secrets = compose.secrets("auth");
        Set<String> shared = sharedKubernetesNames();
        assertEquals(List.of(), rules.faults("auth", environment, shared, secrets));

        environment.remove("DB_HOST");
        environment.put("DB_PASWORD_FILE", environment.remove("DB_PASSWORD_FILE"));
        environment.put("SMTP_HOST", "mailpit");
        environment.put("JWT_SIGNING_KEY_LOCATION", "/run/secrets/jwt_signing_key");
        environment.put("AUTH_ADMIN_PASSWORD_FILE", "/run/secrets/nothing_here");
        List<String> faults = rules.faults("auth", environment, shared, secrets);
        assertTrue(faults.stream().anyMatch(f -> f.contains("needs DB_HOST")), faults.toString());
        assertTrue(faults.stream().anyMatch(f -> f.contains("needs DB_PASSWORD")), faults.toString());
        assertTrue(faults.stream().anyMatch(f -> f.contains("gets DB_PASWORD_FILE")), faults.toString());
        assertTrue(faults.stream().anyMatch(f -> f.contains("gets SMTP_HOST")), faults.toString());
        assertTrue(faults.stream().anyMatch(f -> f.contains("nothing_here")), faults.toString());
    }

    @Test
    void theRulesKnowWhatEachServiceNeeds() {
        Map<String, String> auth = rules.required("auth");
        for (String key : List.of("db.host", "db.password", "jwt.signing-key.location", "auth.admin.password")) {
            assertTrue(auth.containsKey(key), "auth needs " + key + ": " + auth);
        }
        assertTrue(rules.required("logger").containsKey("jnosql.mongodb.url"));
        assertTrue(rules.required("listener").containsKey("amqp-host"));
        assertTrue(rules.required("mail").containsKey("smtp.host"));
        assertTrue(rules.required("broker").containsKey("auth.url"));
        assertFalse(rules.required("broker").containsKey("auth/mp-rest/url"), "derived from auth.url");
        assertTrue(rules.required("frontend").containsKey("broker.url"));
        System.out.println("required in deployments: "
                + Map.of(
                        "frontend", rules.required("frontend").keySet(),
                        "broker", rules.required("broker").keySet(),
                        "auth", rules.required("auth").keySet(),
                        "logger", rules.required("logger").keySet(),
                        "listener", rules.required("listener").keySet(),
                        "mail", rules.required("mail").keySet()));
    }

    /** The variables of k8s/base/shared-config.yaml and the tracing component: shared by design. */
    private Set<String> sharedKubernetesNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String file : List.of("k8s/base/shared-config.yaml", "k8s/components/observability/tracing.yaml")) {
            for (Map<String, Object> object : Kustomize.documents(ServiceSources.read(tree.source(file)))) {
                if ("jmicro-services".equals(Manifests.name(object)) || "jmicro-amqp".equals(Manifests.name(object))) {
                    names.addAll(Manifests.map(object, "data").keySet());
                }
            }
        }
        return names;
    }
}
