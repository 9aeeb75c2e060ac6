package dev.jmicro.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** {@code kubectl kustomize}, the kustomize that kubectl carries: renders a folder into its objects. */
final class Kustomize {

    private static final long LIMIT_SECONDS = 60;

    private Kustomize() {}

    /**
     * Why this machine cannot render, or null when it can: kubectl must be on the PATH and carry kustomize v4 or
     * newer (components and the label transformers used here; Debian 12's kubernetes-client 1.20 carries v2).
     */
    static String whyNotUsable() {
        Path kubectl = kubectl();
        if (kubectl == null) {
            return "kubectl (which carries kustomize) is not on the PATH";
        }
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "kubectl version did not answer";
            }
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("Kustomize Version: v(\\d+)")
                    .matcher(output);
            if (!version.find() || Integer.parseInt(version.group(1)) < 4) {
                return "kubectl at " + kubectl + " carries no kustomize v4 or newer: " + output.trim();
            }
            return null;
        } catch (IOException e) {
            return "kubectl does not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Where kubectl is, or null: the checks that render are skipped without it. */
    static Path kubectl() {
        return onPath("kubectl");
    }

    /** An executable of this name in a folder of the PATH, or null. */
    static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The objects {@code kubectl kustomize folder} prints, each as YAML maps; a failure throws with kubectl's words. */
    static List<Map<String, Object>> render(Path folder) {
        Path kubectl = kubectl();
        if (kubectl == null) {
            throw new IllegalStateException("kubectl is not on the PATH");
        }
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "kubectl kustomize " + folder + " took over " + LIMIT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            "kubectl kustomize " + folder + " failed: " + Files.readString(err));
                }
                return documents(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            // A JSON patch file is a list, not an object: it has no kind.
            if (document instanceof Map<?, ?>) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }
}
