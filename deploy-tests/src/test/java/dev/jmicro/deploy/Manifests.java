package dev.jmicro.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/** Reading rendered objects: the workloads, their pods' containers, and the environment a container really gets. */
final class Manifests {

    static final List<String> SERVICES = List.of("frontend", "broker", "auth", "logger", "listener", "mail");
    static final DeploymentTree.Variant SHIPPED_DEV = new DeploymentTree.Variant("dev", List.of("network-policies"));
    static final DeploymentTree.Variant SHIPPED_PROD = new DeploymentTree.Variant("prod", List.of("network-policies"));
    static final List<DeploymentTree.Variant> SHIPPED = List.of(SHIPPED_DEV, SHIPPED_PROD);

    private Manifests() {}

    static void assumeKubectl() {
        String why = Kustomize.whyNotUsable();
        Assumptions.assumeTrue(why == null, () -> "Kubernetes manifest checks skipped: " + why);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(o -> name.equals(name(o)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** A service's workload: its Deployment, or the mail service's StatefulSet. */
    static Map<String, Object> workload(List<Map<String, Object>> objects, String service) {
        return objects.stream()
                .filter(o -> "Deployment".equals(o.get("kind")) || "StatefulSet".equals(o.get("kind")))
                .filter(o -> service.equals(name(o)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + service));
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    static Map<String, Object> spec(Map<String, Object> object) {
        return map(object, "spec");
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(spec(workload), "template"), "spec");
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(map(map(spec(workload), "template"), "metadata"), "labels");
    }

    /** The service's one container. */
    static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = list(podSpec(workload), "containers");
        if (containers.size() != 1) {
            throw new AssertionError(name(workload) + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /**
     * The variables the container gets from Kubernetes: those of its ConfigMaps (envFrom) in order, then its own
     * env, which wins; secretKeyRef values are not used here (the services read secrets as files).
     */
    static Map<String, String> environment(List<Map<String, Object>> objects, Map<String, Object> workload) {
        Map<String, Object> container = container(workload);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : list(container, "envFrom")) {
            Map<String, Object> ref = map(source, "configMapRef");
            Map<String, Object> configMap = named(objects, "ConfigMap", String.valueOf(ref.get("name")));
            map(configMap, "data").forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        for (Map<String, Object> variable : list(container, "env")) {
            environment.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
        }
        return environment;
    }

    /** The names of the ConfigMaps a container reads, in order. */
    static List<String> configMaps(Map<String, Object> workload) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> source : list(container(workload), "envFrom")) {
            names.add(String.valueOf(map(source, "configMapRef").get("name")));
        }
        return names;
    }

    /** The files the container finds under a mount: the keys of the Secret mounted there. */
    static List<String> secretFiles(List<Map<String, Object>> objects, Map<String, Object> workload, String mountPath) {
        Map<String, Object> container = container(workload);
        String volume = list(container, "volumeMounts").stream()
                .filter(m -> mountPath.equals(m.get("mountPath")))
                .map(m -> String.valueOf(m.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name(workload) + " mounts nothing at " + mountPath));
        Map<String, Object> secretVolume = list(podSpec(workload), "volumes").stream()
                .filter(v -> volume.equals(v.get("name")))
                .map(v -> map(v, "secret"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> secret = named(objects, "Secret", String.valueOf(secretVolume.get("secretName")));
        return List.copyOf(map(secret, "data").keySet());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** A deep copy, to change without touching the rendered objects the other tests share. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    static boolean labelsMatch(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> matchLabels = map(selector, "matchLabels");
        for (Map.Entry<String, Object> entry : matchLabels.entrySet()) {
            if (!Objects.equals(String.valueOf(entry.getValue()), String.valueOf(labels.get(entry.getKey())))) {
                return false;
            }
        }
        return list(selector, "matchExpressions").isEmpty();
    }
}
