package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * observability/prometheus as Prometheus' own tool reads it: both scrape configurations valid, every rule file
 * valid, and every alert's unit test (firing and not firing) passing. Debian's promtool, which
 * observability/ensure-prometheus.sh installs where it can.
 */
class PrometheusRulesTest {

    private static Path prometheus;

    @BeforeAll
    static void needsPromtool() {
        Assumptions.assumeTrue(
                promtool() != null,
                "Prometheus rule checks skipped: promtool is not on the PATH (Debian's prometheus)");
        prometheus = DeploymentTree.get().source("observability/prometheus");
    }

    @Test
    void theComposeScrapeConfigurationIsValid() {
        assertPromtool("check", "config", "prometheus.yml");
    }

    @Test
    void theSwarmScrapeConfigurationIsValid() {
        assertPromtool("check", "config", "prometheus-swarm.yml");
    }

    @Test
    void theKubernetesScrapeConfigurationIsValid() throws IOException {
        Result result = promtool(prometheus, "check", "config", "prometheus-kubernetes.yml");
        if (result.output().contains("field kubernetes_sd_configs not found")) {
            // Debian builds Prometheus without Kubernetes discovery: check everything else of the file, with the
            // discovery block taken out (the images' Prometheus reads it as it is).
            String without = Files.readString(prometheus.resolve("prometheus-kubernetes.yml"))
                    .replaceAll("(?s)    kubernetes_sd_configs:\\n(      .*?\\n)+", "    static_configs: []\n");
            Path copy = prometheus
                    .resolve("../../deploy-tests/target/prometheus-kubernetes-without-discovery.yml")
                    .normalize();
            Files.writeString(
                    copy, without.replace("  - rules/*.yml", "  - " + prometheus.resolve("rules") + "/*.yml"));
            System.out.println(
                    "promtool here has no kubernetes_sd_configs; checked the rest of prometheus-kubernetes.yml");
            result = promtool(
                    copy.getParent(), "check", "config", copy.getFileName().toString());
        }
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void everyRuleFileIsValid() throws IOException {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        command.addAll(files("rules"));
        String output = assertPromtool(command.toArray(String[]::new));
        assertTrue(output.contains("SUCCESS"), output);
        System.out.print(output);
    }

    @Test
    void everyAlertFiresWhenItShouldAndOnlyThen() throws IOException {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        command.addAll(files("tests"));
        assertPromtool(command.toArray(String[]::new));

        // Every alert has a test that expects it to fire.
        String tests = Files.readString(prometheus.resolve("tests/alerts-test.yml"));
        for (String alert : alertNames()) {
            assertTrue(
                    tests.matches("(?s).*alertname: " + alert + "\\n\\s+exp_alerts:\\n\\s+- exp_labels.*"),
                    alert + " has a test that shows it firing");
            assertTrue(
                    tests.matches("(?s).*alertname: " + alert + "\\n\\s+exp_alerts: \\[\\].*"),
                    alert + " has a test that shows it silent");
        }
    }

    @Test
    void everyAlertSaysWhatItMeansWhatToLookAtFirstAndHowUrgentItIs() {
        for (Map<String, Object> rule : rules("alerts.yml")) {
            Map<String, Object> annotations = Manifests.map(rule, "annotations");
            assertTrue(String.valueOf(annotations.get("summary")).length() > 10, rule.get("alert") + " has a summary");
            assertTrue(
                    String.valueOf(annotations.get("description")).toLowerCase().contains("look first at"),
                    rule.get("alert") + " says what to look at first");
            assertTrue(
                    List.of("critical", "warning")
                            .contains(Manifests.map(rule, "labels").get("severity")),
                    rule.get("alert") + " has a severity");
        }
    }

    static List<String> alertNames() {
        return rules("alerts.yml").stream()
                .map(r -> String.valueOf(r.get("alert")))
                .toList();
    }

    /** The rules of one file in observability/prometheus/rules, over all its groups. */
    static List<Map<String, Object>> rules(String file) {
        Path path =
                DeploymentTree.get().source("observability/prometheus/rules").resolve(file);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : Manifests.list(DeploymentTree.yaml(path), "groups")) {
            rules.addAll(Manifests.list(group, "rules"));
        }
        return rules;
    }

    private static List<String> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(prometheus.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".yml"))
                    .map(f -> folder + "/" + f.getFileName())
                    .sorted()
                    .toList();
        }
    }

    private static String assertPromtool(String... arguments) {
        Result result = promtool(prometheus, arguments);
        assertEquals(0, result.exitCode(), "promtool " + String.join(" ", arguments) + ":\n" + result.output());
        return result.output();
    }

    record Result(int exitCode, String output) {}

    static Path promtool() {
        return Kustomize.onPath("promtool");
    }

    private static Result promtool(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(promtool().toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool took over 120 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("promtool does not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
