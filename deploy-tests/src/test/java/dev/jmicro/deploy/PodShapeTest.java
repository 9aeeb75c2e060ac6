package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every service pod must be, in every variant: what the image serves (port, health and metrics paths, image
 * name), locked down (non-root, read-only root, no capabilities, no token), sized, rolled out without an unavailable
 * pod, stopped gracefully; and what each overlay promises on top.
 */
class PodShapeTest {

    /** The longest a service took to become ready in containers, all six starting at once on two cores (podman). */
    private static final int MEASURED_START_SECONDS = 81;
    /** Liberty's quiesce period: how long it lets requests in flight finish after SIGTERM. */
    static final int LIBERTY_QUIESCE_SECONDS = 30;

    private final DeploymentTree tree = DeploymentTree.get();

    @BeforeAll
    static void needsKubectl() {
        Manifests.assumeKubectl();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void servicePodsServeWhatTheImageServes(DeploymentTree.Variant variant) {
        List<Map<String, Object>> objects = tree.render(variant);
        String port = ServiceSources.imageEnvironment(tree.repository).get("HTTP_PORT");
        assertTrue(
                ServiceSources.read(tree.source("docker/liberty/Dockerfile")).contains("EXPOSE " + port),
                "the image exposes the port it listens on");
        for (String service : Manifests.SERVICES) {
            Map<String, Object> workload = Manifests.workload(objects, service);
            Map<String, Object> container = Manifests.container(workload);
            String serverXml = ServiceSources.read(tree.source(service + "-war/src/main/liberty/config/server.xml"));
            assertTrue(
                    String.valueOf(container.get("image")).matches("(.+/)?jmicro/" + service + ":.+"),
                    service + "'s image is jmicro/" + service + ", as docker/ builds it: " + container.get("image"));

            // Every service serves HTTP; the logger also its gRPC server, on the original's port.
            List<Map<String, Object>> containerPorts = new ArrayList<>();
            List<Map<String, Object>> servicePorts = new ArrayList<>();
            containerPorts.add(Map.of("name", "http", "containerPort", Integer.parseInt(port)));
            servicePorts.add(Map.of("name", "http", "port", Integer.parseInt(port), "targetPort", "http"));
            if (service.equals("logger")) {
                containerPorts.add(Map.of("name", "grpc", "containerPort", 50001));
                servicePorts.add(Map.of("name", "grpc", "port", 50001, "targetPort", "grpc"));
            }
            assertEquals(
                    new HashSet<>(containerPorts),
                    new HashSet<>(Manifests.list(container, "ports")),
                    service + "'s container ports");
            Map<String, Object> svc = Manifests.named(objects, "Service", service);
            assertEquals(servicePorts, Manifests.list(Manifests.spec(svc), "ports"), service + "'s Service");
            assertTrue(Manifests.labelsMatch(
                    Map.of("matchLabels", Manifests.map(Manifests.spec(svc), "selector")),
                    Manifests.podLabels(workload)));

            assertTrue(serverXml.contains("<feature>mpHealth</feature>"), service + " serves /health");
            assertEquals("/health/started", probePath(container, "startupProbe"), service);
            assertEquals("/health/ready", probePath(container, "readinessProbe"), service);
            assertEquals("/health/live", probePath(container, "livenessProbe"), service);
            Map<String, Object> startup = Manifests.map(container, "startupProbe");
            int startupSeconds = (Integer) startup.get("periodSeconds") * (Integer) startup.get("failureThreshold");
            assertTrue(
                    startupSeconds >= 2 * MEASURED_START_SECONDS,
                    service + " may take " + startupSeconds + " s to start, twice the slowest start measured");
            Map<String, Object> liveness = Manifests.map(container, "livenessProbe");
            assertEquals(60, liveness.get("initialDelaySeconds"));
            assertEquals(3, liveness.get("failureThreshold"));

            assertTrue(serverXml.contains("<feature>mpMetrics-"), service + " serves /metrics");
            Map<String, Object> annotations = Manifests.map(
                    Manifests.map(Manifests.map(Manifests.spec(workload), "template"), "metadata"), "annotations");
            assertEquals(
                    Map.of(
                            "prometheus.io/scrape",
                            "true",
                            "prometheus.io/port",
                            port,
                            "prometheus.io/path",
                            "/metrics"),
                    annotations,
                    service + "'s scrape annotations");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void servicePodsAreLockedDownSizedAndStopGracefully(DeploymentTree.Variant variant) {
        List<Map<String, Object>> objects = tree.render(variant);
        for (String service : Manifests.SERVICES) {
            Map<String, Object> workload = Manifests.workload(objects, service);
            Map<String, Object> pod = Manifests.podSpec(workload);
            Map<String, Object> container = Manifests.container(workload);
            Map<String, Object> security = Manifests.map(container, "securityContext");
            assertEquals(true, security.get("readOnlyRootFilesystem"), service);
            assertEquals(false, security.get("allowPrivilegeEscalation"), service);
            assertEquals(List.of("ALL"), Manifests.map(security, "capabilities").get("drop"), service);
            assertEquals(false, pod.get("automountServiceAccountToken"), service + " mounts no token");
            assertEquals(service, pod.get("serviceAccountName"), service + " has its own identity");
            assertEquals(
                    false, Manifests.named(objects, "ServiceAccount", service).get("automountServiceAccountToken"));
            Set<String> writable = new TreeSet<>();
            for (Map<String, Object> mount : Manifests.list(container, "volumeMounts")) {
                if (!Boolean.TRUE.equals(mount.get("readOnly"))) {
                    writable.add(String.valueOf(mount.get("mountPath")));
                }
            }
            assertTrue(
                    writable.containsAll(List.of("/opt/ol/wlp/output", "/logs", "/tmp")),
                    service + " can write where Liberty writes: " + writable);

            Map<String, Object> resources = Manifests.map(container, "resources");
            Map<String, Object> requests = Manifests.map(resources, "requests");
            Map<String, Object> limits = Manifests.map(resources, "limits");
            assertNotNull(requests.get("cpu"), service);
            assertTrue(
                    mebibytes(requests.get("memory")) <= mebibytes(limits.get("memory")),
                    service + ": request within limit");
            // docker/liberty/jvm.options gives the heap 40 % of the limit; 256 MiB is what the services were measured
            // with.
            assertTrue(mebibytes(limits.get("memory")) * 0.4 >= 256, service + "'s heap");

            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            List<?> preStop =
                    (List<?>) Manifests.map(Manifests.map(Manifests.map(container, "lifecycle"), "preStop"), "exec")
                            .get("command");
            int pause = Integer.parseInt(String.valueOf(preStop.get(1)));
            assertTrue(grace > pause + LIBERTY_QUIESCE_SECONDS, service + ": " + grace + " s to stop");
            assertFalse(Manifests.list(pod, "topologySpreadConstraints").isEmpty(), service + " spreads over nodes");

            if ("Deployment".equals(workload.get("kind"))) {
                Map<String, Object> rolling =
                        Manifests.map(Manifests.map(Manifests.spec(workload), "strategy"), "rollingUpdate");
                assertEquals(0, rolling.get("maxUnavailable"), service + " rolls out without an unavailable pod");
            } else {
                assertEquals(
                        "RollingUpdate",
                        Manifests.map(Manifests.spec(workload), "updateStrategy")
                                .get("type"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void everyPodMeetsTheRestrictedProfileAndEveryReferenceResolves(DeploymentTree.Variant variant) {
        List<Map<String, Object>> objects = tree.render(variant);
        Map<String, Object> namespace = Manifests.ofKind(objects, "Namespace").get(0);
        assertEquals(
                "restricted",
                Manifests.map(Manifests.map(namespace, "metadata"), "labels")
                        .get("pod-security.kubernetes.io/enforce"));
        List<String> faults = new ArrayList<>();
        for (Map<String, Object> workload : NetworkPolicyEdgesTest.workloads(objects)) {
            String name = Manifests.name(workload);
            Map<String, Object> pod = Manifests.podSpec(workload);
            Map<String, Object> podSecurity = Manifests.map(pod, "securityContext");
            Map<String, Object> container = Manifests.container(workload);
            Map<String, Object> security = Manifests.map(container, "securityContext");
            if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
                faults.add(name + " may run as root");
            }
            if (!"RuntimeDefault"
                    .equals(Manifests.map(podSecurity, "seccompProfile").get("type"))) {
                faults.add(name + " has no RuntimeDefault seccomp profile");
            }
            if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))
                    || !List.of("ALL")
                            .equals(Manifests.map(security, "capabilities").get("drop"))) {
                faults.add(name + " may escalate or keeps capabilities");
            }
            if (Manifests.map(Manifests.map(container, "resources"), "limits").get("memory") == null) {
                faults.add(name + " has no memory limit");
            }
            for (Map<String, Object> source : Manifests.list(container, "envFrom")) {
                resolve(
                        objects,
                        "ConfigMap",
                        Manifests.map(source, "configMapRef").get("name"),
                        name,
                        faults);
            }
            for (Map<String, Object> volume : Manifests.list(pod, "volumes")) {
                if (volume.containsKey("secret")) {
                    resolve(objects, "Secret", Manifests.map(volume, "secret").get("secretName"), name, faults);
                }
                if (volume.containsKey("configMap")) {
                    resolve(
                            objects,
                            "ConfigMap",
                            Manifests.map(volume, "configMap").get("name"),
                            name,
                            faults);
                }
            }
        }
        assertEquals(List.of(), faults, variant.name());
    }

    @Test
    void prodScalesAndSurvivesDisruptionAndEndsTlsAtTheEdge() {
        List<Map<String, Object>> objects = tree.render(Manifests.SHIPPED_PROD);
        for (String service : Manifests.SERVICES) {
            Map<String, Object> workload = Manifests.workload(objects, service);
            Map<String, Object> budget = Manifests.named(objects, "PodDisruptionBudget", service);
            assertTrue(Manifests.labelsMatch(
                    Manifests.map(Manifests.spec(budget), "selector"), Manifests.podLabels(workload)));
            assertEquals(1, Manifests.spec(budget).get("maxUnavailable"));
            if ("Deployment".equals(workload.get("kind"))) {
                Map<String, Object> scaler =
                        Manifests.spec(Manifests.named(objects, "HorizontalPodAutoscaler", service));
                assertEquals(
                        Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service),
                        scaler.get("scaleTargetRef"));
                assertTrue((Integer) scaler.get("minReplicas") >= 2, service + " runs two replicas or more");
                assertFalse(
                        Manifests.spec(workload).containsKey("replicas"), service + ": the autoscaler owns replicas");
            } else {
                assertTrue((Integer) Manifests.spec(workload).get("replicas") >= 2, service + " runs two replicas");
            }
        }
        Map<String, Object> ingress = Manifests.spec(Manifests.named(objects, "Ingress", "jmicro"));
        Set<String> tlsHosts = new TreeSet<>();
        Manifests.list(ingress, "tls")
                .forEach(tls -> ((List<?>) tls.get("hosts")).forEach(h -> tlsHosts.add(String.valueOf(h))));
        Set<String> backends = new TreeSet<>();
        for (Map<String, Object> rule : Manifests.list(ingress, "rules")) {
            assertTrue(tlsHosts.contains(String.valueOf(rule.get("host"))), rule.get("host") + " is served over TLS");
            for (Map<String, Object> path : Manifests.list(Manifests.map(rule, "http"), "paths")) {
                Map<String, Object> backend = Manifests.map(Manifests.map(path, "backend"), "service");
                Manifests.named(objects, "Service", String.valueOf(backend.get("name")));
                assertEquals(Map.of("name", "http"), backend.get("port"));
                backends.add(String.valueOf(backend.get("name")));
            }
        }
        assertEquals(Set.of("frontend", "broker"), backends, "people reach the front end and the broker, nothing else");
        assertTrue(
                Manifests.ofKind(objects, "StatefulSet").stream()
                        .allMatch(s -> Manifests.name(s).equals("mail")),
                "prod runs no data store");
    }

    @Test
    void devRunsItsDataStoresWithVolumesAndRabbitMqWithTheOneTopology() {
        List<Map<String, Object>> objects = tree.render(Manifests.SHIPPED_DEV);
        for (String store : List.of("postgres", "mongo", "rabbitmq", "mailpit")) {
            Map<String, Object> statefulSet = Manifests.named(objects, "StatefulSet", store);
            assertFalse(
                    Manifests.list(Manifests.spec(statefulSet), "volumeClaimTemplates")
                            .isEmpty(),
                    store + " keeps its data");
            Manifests.named(objects, "Service", store);
        }
        Map<String, Object> definitions =
                DeploymentTree.yaml(tree.root.resolve("k8s/overlays/dev/secrets/rabbitmq_definitions"));
        Map<String, Object> topology = DeploymentTree.yaml(tree.source("docker/rabbitmq/definitions.json"));
        for (String part : List.of("exchanges", "queues", "bindings")) {
            assertEquals(
                    topology.get(part), definitions.get(part), "RabbitMQ's " + part + " are those of definitions.json");
        }
    }

    @Test
    void imagesAreTheOnesDockerBuilds() {
        ComposeFile compose = new ComposeFile(tree.source("docker"), "compose.yaml");
        String buildImages = ServiceSources.read(tree.source("docker/local/build-images.sh"));
        for (String service : Manifests.SERVICES) {
            assertEquals("jmicro/" + service + ":latest", compose.image(service));
            assertEquals(
                    Map.of(
                            "context",
                            "..",
                            "dockerfile",
                            "docker/liberty/Dockerfile",
                            "args",
                            Map.of("SERVICE", service)),
                    compose.service(service).get("build"));
            assertTrue(java.nio.file.Files.exists(tree.source(service + "-war/src/main/liberty/config/server.xml")));
            assertTrue(compose.service(service).get("healthcheck").toString().contains("health-check.sh"));
        }
        assertTrue(buildImages.contains("localhost/jmicro/"), "the local build tags localhost/jmicro/<service>");
        assertTrue(ServiceSources.read(tree.source("docker/liberty/bin/health-check.sh"))
                .contains("/health/ready"));
    }

    private static void resolve(
            List<Map<String, Object>> objects, String kind, Object name, String user, List<String> faults) {
        boolean found = Manifests.ofKind(objects, kind).stream()
                .anyMatch(o -> Manifests.name(o).equals(String.valueOf(name)));
        if (!found) {
            faults.add(user + " refers to a " + kind + " " + name + " that is not rendered");
        }
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> get = Manifests.map(Manifests.map(container, probe), "httpGet");
        assertEquals("http", get.get("port"), probe + " on the service's port");
        return String.valueOf(get.get("path"));
    }

    private static long mebibytes(Object quantity) {
        String value = String.valueOf(quantity);
        if (value.endsWith("Gi")) {
            return Long.parseLong(value.substring(0, value.length() - 2)) * 1024;
        }
        if (value.endsWith("Mi")) {
            return Long.parseLong(value.substring(0, value.length() - 2));
        }
        throw new AssertionError("memory in Mi or Gi: " + value);
    }
}
