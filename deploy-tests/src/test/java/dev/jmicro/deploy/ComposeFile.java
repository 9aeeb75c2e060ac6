package dev.jmicro.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker/compose.yaml (optionally with more files on top, as {@code docker compose -f ... -f ...} merges them: maps
 * merged, lists replaced) as compose reads it, with {@code ${NAME:-default}} taken at its default.
 */
final class ComposeFile {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");

    private final Map<String, Object> merged;

    ComposeFile(Path docker, String... files) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String file : files) {
            merge(merged, DeploymentTree.yaml(docker.resolve(file)));
        }
        this.merged = merged;
    }

    /** The merged files. */
    Map<String, Object> merged() {
        return merged;
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = Manifests.map(Manifests.map(merged, "services"), name);
        if (service.isEmpty()) {
            throw new AssertionError("compose has no service " + name);
        }
        return service;
    }

    Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        Manifests.map(service(name), "environment").forEach((key, value) -> environment.put(key, interpolate(value)));
        return environment;
    }

    /** The secrets compose mounts for a service, as files under /run/secrets. */
    List<String> secrets(String name) {
        List<String> secrets = new ArrayList<>();
        for (Object secret : (List<?>) service(name).getOrDefault("secrets", List.of())) {
            secrets.add(String.valueOf(secret));
        }
        return secrets;
    }

    List<String> networks(String name) {
        Object networks = service(name).get("networks");
        if (networks instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        return networks == null
                ? List.of("default")
                : ((List<?>) networks).stream().map(String::valueOf).toList();
    }

    String image(String name) {
        return interpolate(service(name).get("image"));
    }

    static String interpolate(Object value) {
        Matcher matcher = INTERPOLATION.matcher(String.valueOf(value));
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    result, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> left && value instanceof Map<?, ?> right) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) left);
                merge(copy, (Map<String, Object>) right);
                into.put(key, copy);
            } else {
                into.put(key, value);
            }
        });
    }
}
