package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a real cluster does with manifests that its API accepts: the behaviours of the kubelet, the DNS and the
 * controllers beside ours that the schema cannot show, each read from the upstream sources and pinned here, since no
 * cluster runs in this build (k8s/README.md, "What a cluster needs").
 */
class ClusterBehaviourTest {

    /** Where NodeLocal DNSCache answers: a link-local address on every node's host network. */
    static final String NODE_LOCAL_DNS = "169.254.20.10/32";
    /** The label cert-manager puts on the pod that answers an ACME HTTP-01 challenge, and that pod's port. */
    private static final Map<String, Object> ACME_SOLVER_POD = Map.of("acme.cert-manager.io/http01-solver", "true");

    private static final int ACME_SOLVER_PORT = 8089;

    private final DeploymentTree tree = DeploymentTree.get();

    @BeforeAll
    static void needsKubectl() {
        Manifests.assumeKubectl();
    }

    /**
     * With {@code fsGroup}, the kubelet by default (fsGroupChangePolicy Always) makes every file of a volume
     * group-readable at every mount. Programs that insist on owner-only files (Erlang's .erlang.cookie in
     * RabbitMQ's HOME) then refuse to start on a pod's second start. OnRootMismatch regroups only a volume whose
     * root is not yet the pod's group: a new, empty one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void persistentVolumesAreRegroupedOnlyWhenNew(DeploymentTree.Variant variant) {
        List<String> faults = new ArrayList<>();
        for (Map<String, Object> workload : NetworkPolicyEdgesTest.workloads(tree.render(variant))) {
            Map<String, Object> security = Manifests.map(Manifests.podSpec(workload), "securityContext");
            if (security.containsKey("fsGroup")
                    && persistent(workload)
                    && !"OnRootMismatch".equals(security.get("fsGroupChangePolicy"))) {
                faults.add(Manifests.name(workload) + " (fsGroupChangePolicy: "
                        + security.getOrDefault("fsGroupChangePolicy", "Always, by default") + ")");
            }
        }
        assertEquals(List.of(), faults, variant + ": pods whose volumes are regrouped at every start");
    }

    /**
     * An image tagged {@code latest}, or untagged, without imagePullPolicy is pulled Always: an image loaded into kind
     * or minikube, as k8s/README.md describes, is then looked for in a registry that does not have it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.DeploymentTree#variants")
    void noImageIsPulledAlwaysByDefault(DeploymentTree.Variant variant) {
        List<String> faults = new ArrayList<>();
        for (Map<String, Object> workload : NetworkPolicyEdgesTest.workloads(tree.render(variant))) {
            for (Map<String, Object> container : Manifests.list(Manifests.podSpec(workload), "containers")) {
                String image = String.valueOf(container.get("image"));
                String tag = image.substring(image.lastIndexOf('/') + 1).contains(":")
                        ? image.substring(image.lastIndexOf(':') + 1)
                        : "latest";
                Object policy = container.get("imagePullPolicy");
                if (tag.equals("latest") && !"IfNotPresent".equals(policy) && !"Never".equals(policy)) {
                    faults.add(Manifests.name(workload) + ": " + image + " (" + (policy == null ? "no policy" : policy)
                            + ")");
                }
            }
        }
        assertEquals(List.of(), faults, variant + ": images Kubernetes would pull Always");
    }

    /**
     * Every pod asks the DNS both where kube-dns pods answer and where NodeLocal DNSCache does (on the host network,
     * which no pod selector matches): a policy that allows only the kube-dns pods drops every lookup there.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.NetworkPolicyEdgesTest#variants")
    void everyPodReachesTheDnsWithAndWithoutNodeLocalDnsCache(DeploymentTree.Variant variant) {
        boolean kubeDns = false;
        boolean nodeLocal = false;
        for (Map<String, Object> policy : Manifests.ofKind(tree.render(variant), "NetworkPolicy")) {
            Map<String, Object> spec = Manifests.spec(policy);
            if (!Manifests.map(spec, "podSelector").isEmpty()) {
                continue;
            }
            for (Map<String, Object> rule : Manifests.list(spec, "egress")) {
                Set<String> ports = ports(rule);
                if (!ports.containsAll(Set.of("UDP/53", "TCP/53"))) {
                    continue;
                }
                for (Map<String, Object> peer : Manifests.list(rule, "to")) {
                    kubeDns |= "kube-dns"
                            .equals(Manifests.map(Manifests.map(peer, "podSelector"), "matchLabels")
                                    .get("k8s-app"));
                    nodeLocal |=
                            NODE_LOCAL_DNS.equals(Manifests.map(peer, "ipBlock").get("cidr"));
                }
            }
        }
        assertTrue(kubeDns, variant + ": every pod may ask the kube-dns pods on UDP and TCP 53");
        assertTrue(nodeLocal, variant + ": every pod may ask NodeLocal DNSCache at " + NODE_LOCAL_DNS);
    }

    /**
     * An Ingress that asks cert-manager for its certificate over HTTP-01 makes cert-manager start a solver pod in
     * this namespace, reached by the ingress controller on 8089. Under default deny it must be let in, or the
     * challenge times out and no certificate is ever issued. The controller must also reach every Ingress backend.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jmicro.deploy.NetworkPolicyEdgesTest#variants")
    void theControllersBesideOursReachThePodsTheyServe(DeploymentTree.Variant variant) {
        List<Map<String, Object>> objects = tree.render(variant);
        NetworkPolicyEdgesTest.Policies policies = new NetworkPolicyEdgesTest.Policies(objects);
        for (Map<String, Object> ingress : Manifests.ofKind(objects, "Ingress")) {
            Map<String, Object> annotations = Manifests.map(ingress, "metadata");
            annotations = Manifests.map(annotations, "annotations");
            boolean acme = annotations.containsKey("cert-manager.io/cluster-issuer")
                    || annotations.containsKey("cert-manager.io/issuer");
            if (acme) {
                assertTrue(
                        policies.ingress(ACME_SOLVER_POD)
                                .contains(NetworkPolicyEdgesTest.INGRESS_CONTROLLER + ":" + ACME_SOLVER_PORT),
                        variant + ": the ingress controller reaches cert-manager's HTTP-01 solver on "
                                + ACME_SOLVER_PORT);
            }
            for (Map<String, Object> rule : Manifests.list(Manifests.spec(ingress), "rules")) {
                for (Map<String, Object> path : Manifests.list(Manifests.map(rule, "http"), "paths")) {
                    String backend = String.valueOf(Manifests.map(Manifests.map(path, "backend"), "service")
                            .get("name"));
                    Map<String, Object> pods = Manifests.podLabels(Manifests.workload(objects, backend));
                    assertTrue(
                            policies.ingress(pods).stream()
                                    .anyMatch(edge -> edge.startsWith(NetworkPolicyEdgesTest.INGRESS_CONTROLLER)),
                            variant + ": the ingress controller reaches " + backend);
                }
            }
        }
        assertFalse(
                policies.ingress(ACME_SOLVER_POD).stream().anyMatch(edge -> !edge.startsWith("namespace:")),
                "the solver is reached by the ingress controller only");
    }

    private static boolean persistent(Map<String, Object> workload) {
        return !Manifests.list(Manifests.spec(workload), "volumeClaimTemplates").isEmpty()
                || Manifests.list(Manifests.podSpec(workload), "volumes").stream()
                        .anyMatch(v -> v.containsKey("persistentVolumeClaim"));
    }

    private static Set<String> ports(Map<String, Object> rule) {
        Set<String> ports = new TreeSet<>();
        for (Map<String, Object> port : Manifests.list(rule, "ports")) {
            ports.add(port.getOrDefault("protocol", "TCP") + "/" + port.get("port"));
        }
        return ports;
    }
}
