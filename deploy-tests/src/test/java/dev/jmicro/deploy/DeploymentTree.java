package dev.jmicro.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A copy of {@code k8s/}, {@code observability/} and {@code docker/} in the build folder, with the secret files the
 * overlays read made by {@code docker/generate-secrets.sh} (as a user makes them), and every overlay in every
 * combination of the optional components, rendered once and kept for all the tests.
 */
final class DeploymentTree {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    /** The components an overlay may include; the overlays include network-policies by default. */
    static final List<String> COMPONENTS = List.of("network-policies", "observability");

    private static DeploymentTree instance;

    final Path repository;
    final Path root;
    private final Map<String, List<Map<String, Object>>> rendered = new ConcurrentHashMap<>();

    private DeploymentTree(Path repository, Path root) {
        this.repository = repository;
        this.root = root;
    }

    static synchronized DeploymentTree get() {
        if (instance == null) {
            Path repository = Path.of(System.getProperty("stack.root", ".."))
                    .toAbsolutePath()
                    .normalize();
            Path root = repository.resolve("deploy-tests/target/deploy-tree");
            instance = new DeploymentTree(repository, root);
            instance.copy();
        }
        return instance;
    }

    /** Every variant's name: an overlay with a set of components, e.g. {@code prod+observability-network-policies}. */
    static List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            for (int mask = 0; mask < 1 << COMPONENTS.size(); mask++) {
                List<String> components = new ArrayList<>();
                for (int i = 0; i < COMPONENTS.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        components.add(COMPONENTS.get(i));
                    }
                }
                variants.add(new Variant(overlay, components));
            }
        }
        return variants;
    }

    /** An overlay as shipped, or with a different set of the optional components. */
    record Variant(String overlay, List<String> components) {
        String name() {
            return overlay + (components.isEmpty() ? " alone" : " + " + String.join(" + ", components));
        }

        boolean has(String component) {
            return components.contains(component);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    List<Map<String, Object>> render(Variant variant) {
        return rendered.computeIfAbsent(variant.name(), name -> Kustomize.render(folder(variant)));
    }

    /** The overlay's folder for this variant: the overlay itself, or a copy beside it with other components. */
    private Path folder(Variant variant) {
        Path overlay = root.resolve("k8s/overlays").resolve(variant.overlay());
        Path folder = overlay.resolveSibling(variant.overlay() + "-" + String.join("-", variant.components()));
        copyTree(overlay, folder);
        Map<String, Object> kustomization = yaml(folder.resolve("kustomization.yaml"));
        List<String> components = new ArrayList<>();
        for (String component : variant.components()) {
            components.add("../../components/" + component);
        }
        // An overlay's own components (prod's external-networks) refine the network policies: with them or not at all.
        if (variant.has("network-policies")) {
            for (Object component : (List<?>) kustomization.getOrDefault("components", List.of())) {
                if (!String.valueOf(component).startsWith("../")) {
                    components.add(String.valueOf(component));
                }
            }
        }
        kustomization.put("components", components);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        write(folder.resolve("kustomization.yaml"), new Yaml(options).dump(kustomization));
        return folder;
    }

    /** The repository's file, as the user has it. */
    Path source(String path) {
        return repository.resolve(path);
    }

    /** A secret file as generated for an overlay. */
    String secret(String overlay, String name) {
        try {
            return Files.readString(root.resolve("k8s/overlays")
                    .resolve(overlay)
                    .resolve("secrets")
                    .resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            Object loaded = new Yaml().load(Files.readString(file));
            return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copy() {
        deleteTree(root);
        for (String folder : List.of("k8s", "observability", "docker")) {
            copyTree(repository.resolve(folder), root.resolve(folder));
        }
        for (String overlay : OVERLAYS) {
            Path secrets = root.resolve("k8s/overlays").resolve(overlay).resolve("secrets");
            deleteTree(secrets);
            generateSecrets(secrets);
        }
        // The prod relay's password is the user's own (k8s/README.md); any value will do here.
        write(root.resolve("k8s/overlays/prod/secrets/smtp_password"), "relay-password-of-the-user");
    }

    private void generateSecrets(Path dir) {
        try {
            Process process = new ProcessBuilder(
                            "bash", root.resolve("docker/generate-secrets.sh").toString(), dir.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("docker/generate-secrets.sh failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
