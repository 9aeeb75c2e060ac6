package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network policies allow exactly the connections the services are configured to make, no more and no fewer:
 * each service's egress against the addresses its configuration holds, and each pod's ingress against who is
 * configured to call it. Edges are written {@code pod:<name>:<port>} (a pod of the namespace) or
 * {@code ip:<cidr>:<port>} (outside the cluster).
 */
class NetworkPolicyEdgesTest {

    static final String INGRESS_CONTROLLER = "namespace:ingress-nginx";
    /**
     * The edges to the trace collector and (the front end's charts) to Prometheus are in the policies whether or not
     * the observability component runs them.
     */
    private static final Set<String> OBSERVABILITY = Set.of("pod:jaeger:4317", "pod:prometheus:9090");

    private final DeploymentTree tree = DeploymentTree.get();

    @BeforeAll
    static void needsKubectl() {
        Manifests.assumeKubectl();
    }

    static List<DeploymentTree.Variant> variants() {
        return DeploymentTree.variants().stream()
                .filter(v -> v.has("network-policies"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachServiceReachesWhatItIsConfiguredToReachAndNothingElse(DeploymentTree.Variant variant) {
        List<Map<String, Object>> objects = tree.render(variant);
        Policies policies = new Policies(objects);
        Map<String, Set<String>> configured = configuredEdges(variant, objects);
        for (String service : Manifests.SERVICES) {
            Map<String, Object> labels = Manifests.podLabels(Manifests.workload(objects, service));
            Set<String> allowed = policies.egress(labels);
            assertTrue(allowed.remove("dns"), service + " may ask the DNS");
            if (!variant.has("observability")) {
                allowed.removeAll(OBSERVABILITY);
            }
            Set<String> expected = new TreeSet<>(configured.get(service));
            assertEquals(expected, allowed, variant + ": " + service + "'s egress against its configuration");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachPodIsReachableByItsConfiguredCallersOnly(DeploymentTree.Variant variant) {
        List<Map<String, Object>> objects = tree.render(variant);
        Policies policies = new Policies(objects);
        Map<String, Set<String>> callers = new TreeMap<>();
        configuredEdges(variant, objects).forEach((service, edges) -> {
            for (String edge : edges) {
                if (edge.startsWith("pod:")) {
                    callers.computeIfAbsent(edge.substring(4), t -> new TreeSet<>())
                            .add("pod:" + service + ":" + edge.substring(edge.lastIndexOf(':') + 1));
                }
            }
        });
        for (Map<String, Object> workload : workloads(objects)) {
            String name = Manifests.name(workload);
            if (List.of("prometheus", "grafana", "jaeger").contains(name)) {
                continue;
            }
            Set<String> allowed = policies.ingress(Manifests.podLabels(workload));
            Set<String> expected = new TreeSet<>();
            for (Map<String, Object> port : Manifests.list(Manifests.container(workload), "ports")) {
                callers.getOrDefault(name + ":" + port.get("containerPort"), Set.of())
                        .forEach(expected::add);
            }
            if (Manifests.SERVICES.contains(name)) {
                expected.add("pod:prometheus:9080");
            }
            if (name.equals("frontend") || name.equals("broker")) {
                expected.add(INGRESS_CONTROLLER + ":9080");
            }
            if (name.equals("rabbitmq")) {
                expected.add("pod:prometheus:15692");
            }
            assertEquals(expected, allowed, variant + ": who may reach " + name);
        }
    }

    /** Per service, the edges its configuration asks for: in-cluster as pod:name:port, external as ip:*:port. */
    private Map<String, Set<String>> configuredEdges(
            DeploymentTree.Variant variant, List<Map<String, Object>> objects) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        Map<String, String> image = ServiceSources.imageEnvironment(tree.repository);
        for (String service : Manifests.SERVICES) {
            Map<String, Object> workload = Manifests.workload(objects, service);
            Map<String, String> environment = new LinkedHashMap<>(image);
            environment.putAll(Manifests.environment(objects, workload));
            Map<String, ServiceSources.Setting> settings = ServiceSources.settings(tree.repository, service);
            Set<String> set = new TreeSet<>();
            for (Downstreams.Address address : Downstreams.of(settings, key -> value(variant, environment, key))) {
                set.add(edge(objects, address));
            }
            edges.put(service, set);
        }
        return edges;
    }

    private String value(DeploymentTree.Variant variant, Map<String, String> environment, String key) {
        return ServiceSources.fromEnvironment(environment, key)
                .map(v ->
                        v.startsWith("file:") ? tree.secret(variant.overlay(), v.substring(v.lastIndexOf('/') + 1)) : v)
                .orElse(null);
    }

    /** An address as an edge: a Service of the namespace becomes its pods' name and container port. */
    private static String edge(List<Map<String, Object>> objects, Downstreams.Address address) {
        for (Map<String, Object> service : Manifests.ofKind(objects, "Service")) {
            if (!Manifests.name(service).equals(address.host())) {
                continue;
            }
            String pods = String.valueOf(
                    Manifests.map(Manifests.spec(service), "selector").get("app.kubernetes.io/name"));
            for (Map<String, Object> port : Manifests.list(Manifests.spec(service), "ports")) {
                if (String.valueOf(port.get("port")).equals(String.valueOf(address.port()))) {
                    return "pod:" + pods + ":" + containerPort(objects, pods, port.get("targetPort"));
                }
            }
            throw new AssertionError("Service " + address.host() + " has no port " + address.port());
        }
        return "ip:*:" + address.port();
    }

    private static String containerPort(List<Map<String, Object>> objects, String pods, Object targetPort) {
        if (targetPort instanceof Integer number) {
            return String.valueOf(number);
        }
        for (Map<String, Object> workload : workloads(objects)) {
            if (pods.equals(Manifests.podLabels(workload).get("app.kubernetes.io/name"))) {
                for (Map<String, Object> port : Manifests.list(Manifests.container(workload), "ports")) {
                    if (String.valueOf(targetPort).equals(port.get("name"))) {
                        return String.valueOf(port.get("containerPort"));
                    }
                }
            }
        }
        throw new AssertionError("no pod " + pods + " has a port " + targetPort);
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> objects) {
        return objects.stream()
                .filter(o -> "Deployment".equals(o.get("kind")) || "StatefulSet".equals(o.get("kind")))
                .toList();
    }

    /** The namespace's NetworkPolicies, read as the edges they allow. */
    static final class Policies {
        private final List<Map<String, Object>> policies;

        Policies(List<Map<String, Object>> objects) {
            policies = Manifests.ofKind(objects, "NetworkPolicy");
            Map<String, Object> deny = Manifests.named(objects, "NetworkPolicy", "default-deny");
            assertEquals(
                    Map.of(), Manifests.map(Manifests.spec(deny), "podSelector"), "default deny selects every pod");
            assertEquals(List.of("Ingress", "Egress"), Manifests.spec(deny).get("policyTypes"));
            assertTrue(Manifests.spec(deny).get("ingress") == null
                    && Manifests.spec(deny).get("egress") == null);
        }

        Set<String> egress(Map<String, Object> labels) {
            return edges(labels, "Egress", "egress", "to");
        }

        /** Who may connect to these pods, as pod:caller:port. */
        Set<String> ingress(Map<String, Object> labels) {
            return edges(labels, "Ingress", "ingress", "from");
        }

        private Set<String> edges(Map<String, Object> labels, String type, String direction, String peersKey) {
            Set<String> edges = new TreeSet<>();
            for (Map<String, Object> policy : policies) {
                Map<String, Object> spec = Manifests.spec(policy);
                if (!((List<?>) spec.get("policyTypes")).contains(type)
                        || !Manifests.labelsMatch(Manifests.map(spec, "podSelector"), labels)) {
                    continue;
                }
                for (Map<String, Object> rule : Manifests.list(spec, direction)) {
                    List<Map<String, Object>> peers = Manifests.list(rule, peersKey);
                    List<Map<String, Object>> ports = Manifests.list(rule, "ports");
                    for (Map<String, Object> peer : peers.isEmpty() ? List.of(Map.<String, Object>of()) : peers) {
                        String name = peer(peer);
                        for (Map<String, Object> port :
                                ports.isEmpty() ? List.of(Map.<String, Object>of("port", "*")) : ports) {
                            edges.add(name.equals("dns") ? "dns" : name + ":" + port.get("port"));
                        }
                    }
                }
            }
            return edges;
        }

        private static String peer(Map<String, Object> peer) {
            if (peer.isEmpty()) {
                return "anywhere";
            }
            if (peer.containsKey("ipBlock")) {
                boolean nodeLocalDns = ClusterBehaviourTest.NODE_LOCAL_DNS.equals(
                        Manifests.map(peer, "ipBlock").get("cidr"));
                return nodeLocalDns ? "dns" : "ip:*";
            }
            Map<String, Object> namespace = Manifests.map(Manifests.map(peer, "namespaceSelector"), "matchLabels");
            Map<String, Object> pods = Manifests.map(Manifests.map(peer, "podSelector"), "matchLabels");
            if ("kube-system".equals(namespace.get("kubernetes.io/metadata.name"))
                    && "kube-dns".equals(pods.get("k8s-app"))) {
                return "dns";
            }
            if (!namespace.isEmpty()) {
                return "namespace:" + namespace.get("kubernetes.io/metadata.name");
            }
            if (pods.containsKey("app.kubernetes.io/name")) {
                return "pod:" + pods.get("app.kubernetes.io/name");
            }
            return "pods:" + pods;
        }
    }
}
