package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards as files: each a dashboard with its own uid, panels with unique ids that say what they show,
 * data sources that the provisioning defines, and every file provisioned in compose and in Kubernetes alike. (What
 * their queries return on a running system is PrometheusIT's, in system-tests.)
 */
class DashboardFilesTest {

    private final DeploymentTree tree = DeploymentTree.get();

    static List<Path> dashboards(Path repository) throws IOException {
        try (Stream<Path> files = Files.list(repository.resolve("observability/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyDashboardIsWellFormed() throws IOException {
        Set<String> dataSources = new HashSet<>();
        for (Map<String, Object> source : Manifests.list(
                DeploymentTree.yaml(tree.source("observability/grafana/provisioning/datasources/datasources.yaml")),
                "datasources")) {
            dataSources.add(String.valueOf(source.get("uid")));
        }
        Set<String> uids = new HashSet<>();
        int panels = 0;
        List<Path> files = dashboards(tree.repository);
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Map<String, Object> dashboard = DeploymentTree.yaml(file);
            String name = file.getFileName().toString();
            assertTrue(uids.add(String.valueOf(dashboard.get("uid"))), name + ": its uid is its own");
            Set<Object> ids = new HashSet<>();
            for (Map<String, Object> panel : Manifests.list(dashboard, "panels")) {
                panels++;
                String title = name + " / " + panel.get("title");
                assertTrue(ids.add(panel.get("id")), title + ": its id is unique in the dashboard");
                assertTrue(String.valueOf(panel.get("description")).length() > 10, title + " says what it shows");
                assertTrue(dataSources.contains(uid(panel)), title + " uses a provisioned data source");
                List<Map<String, Object>> targets = Manifests.list(panel, "targets");
                assertFalse(targets.isEmpty(), title + " has a query");
                for (Map<String, Object> target : targets) {
                    assertTrue(dataSources.contains(uid(target)), title + ": a provisioned data source");
                    assertFalse(String.valueOf(target.get("expr")).isBlank(), title + " has a query");
                }
                for (Map<String, Object> link :
                        Manifests.list(Manifests.map(Manifests.map(panel, "fieldConfig"), "defaults"), "links")) {
                    assertTrue(String.valueOf(link.get("url")).contains("\"datasource\":\"jaeger\""), title);
                }
            }
            for (Map<String, Object> variable : Manifests.list(Manifests.map(dashboard, "templating"), "list")) {
                assertTrue(dataSources.contains(uid(variable)), name + ": variable " + variable.get("name"));
            }
        }
        System.out.printf("%d dashboards, %d panels%n", files.size(), panels);
    }

    @Test
    void everyDashboardIsProvisionedInComposeAndKubernetes() throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path file : dashboards(tree.repository)) {
            files.add(file.getFileName().toString());
        }
        Set<String> compose = new TreeSet<>();
        String composeFile = ServiceSources.read(tree.source("docker/compose.observability.yaml"));
        for (String line : composeFile.split("\n")) {
            if (line.contains("target: /etc/grafana/dashboards/")) {
                compose.add(line.substring(line.lastIndexOf('/') + 1).trim());
            }
        }
        assertEquals(files, compose, "compose.observability.yaml mounts every dashboard");
        Set<String> kubernetes = new TreeSet<>();
        for (Map<String, Object> generator : Manifests.list(
                DeploymentTree.yaml(tree.source("observability/kustomization.yaml")), "configMapGenerator")) {
            if ("grafana-dashboards".equals(generator.get("name"))) {
                for (Object path : (List<?>) generator.get("files")) {
                    kubernetes.add(
                            String.valueOf(path).substring(String.valueOf(path).lastIndexOf('/') + 1));
                }
            }
        }
        assertEquals(files, kubernetes, "the Kubernetes component mounts every dashboard");
        Map<String, Object> provider = Manifests.list(
                        DeploymentTree.yaml(
                                tree.source("observability/grafana/provisioning/dashboards/dashboards.yaml")),
                        "providers")
                .get(0);
        assertEquals(
                "/etc/grafana/dashboards", Manifests.map(provider, "options").get("path"));
    }

    private static String uid(Map<String, Object> withDataSource) {
        return String.valueOf(Manifests.map(withDataSource, "datasource").get("uid"));
    }
}
