package dev.jmicro.system.containers;

import static dev.jmicro.localstack.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Ports;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system as docker/ ships it: every image built from its Dockerfile (docker/local/build-images.sh, with the
 * stand-in bases this machine makes for itself), the stack started from compose.yaml, compose.override.yaml and the
 * local override with podman-compose, together with the observability layer (Prometheus and a Jaeger stand-in), and
 * tested only through what it publishes: the broker, the mail viewer, RabbitMQ's management API, Prometheus and the
 * trace receiver's query API. Then the logger is crashed and the restart policy brings it back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerSystemIT {

    private static final String PROJECT = "jmicro-it";
    private static final List<String> SERVICES = List.of("frontend", "broker", "auth", "logger", "listener", "mail");
    private static final List<String> BACKING = List.of("postgres", "mongo", "rabbitmq", "mailpit");
    /** The observability layer that runs here: Grafana has no stand-in (docker/local/compose.observability.local.yaml). */
    private static final List<String> OBSERVABILITY = List.of("jaeger", "prometheus");
    /** Every service the test starts, in the order their health is awaited: what the services need comes first. */
    private static final List<String> STARTED = concatenated(concatenated(BACKING, OBSERVABILITY), SERVICES);

    private static final String[] COMPOSE = {
        "podman-compose",
        "-p",
        PROJECT,
        "-f",
        "docker/compose.yaml",
        "-f",
        "docker/compose.override.yaml",
        "-f",
        "docker/local/compose.local.yaml",
        "-f",
        "docker/compose.observability.yaml",
        "-f",
        "docker/compose.observability.override.yaml",
        "-f",
        "docker/local/compose.observability.local.yaml"
    };
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(20);
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(3);

    private static Podman podman;
    private static Path secrets;
    private static URI broker;
    private static URI mails;
    private static URI rabbitmq;
    private static URI prometheus;
    private static URI jaeger;
    private static boolean started;
    /** The admin's token, signed in for once: every sign-in costs a bcrypt check and counts against its limit. */
    private static String adminToken;

    @BeforeAll
    static void buildAndStartTheStack() throws Exception {
        String why = Podman.whyNotUsable();
        if (why != null && "true".equals(System.getenv("CI"))) {
            fail("the container test cannot run under CI: " + why);
        }
        Assumptions.assumeTrue(why == null, "container test skipped: " + why);

        Path root = Path.of(System.getProperty("stack.root")).toAbsolutePath();
        secrets = root.resolve("target/container-test/secrets");
        int brokerPort = Ports.free();
        int mailPort = Ports.free();
        int rabbitPort = Ports.free();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONTAINERS_CONF", root.resolve("docker/podman/containers.conf").toString());
        env.put("JMICRO_SECRETS", secrets.toString());
        env.put("JMICRO_BROKER_PORT", Integer.toString(brokerPort));
        env.put("JMICRO_FRONTEND_PORT", Integer.toString(Ports.free()));
        env.put("JMICRO_MAILPIT_PORT", Integer.toString(mailPort));
        env.put("JMICRO_RABBITMQ_UI_PORT", Integer.toString(rabbitPort));
        int prometheusPort = Ports.free();
        int jaegerPort = Ports.free();
        env.put("JMICRO_PROMETHEUS_PORT", Integer.toString(prometheusPort));
        env.put("JMICRO_JAEGER_PORT", Integer.toString(jaegerPort));
        prometheus = URI.create("http://127.0.0.1:" + prometheusPort + "/");
        jaeger = URI.create("http://127.0.0.1:" + jaegerPort + "/");
        podman = new Podman(root, env);
        broker = URI.create("http://127.0.0.1:" + brokerPort + "/");
        mails = URI.create("http://127.0.0.1:" + mailPort + "/api/mails");
        rabbitmq = URI.create("http://127.0.0.1:" + rabbitPort + "/");

        removeTheStack(); // what an interrupted earlier run may have left
        long building = System.nanoTime();
        System.out.println("[containers] images (name, build seconds, size):\n"
                + podman.ok(BUILD_LIMIT, "docker/local/build-images.sh"));
        System.out.printf("[containers] all images built in %.0f s%n", seconds(building));
        podman.ok(COMMAND_LIMIT, "docker/generate-secrets.sh", secrets.toString());
        // podman-compose 1.0.3 ignores a network's ipam block: make the backend network with compose.yaml's subnet.
        podman.ok(COMMAND_LIMIT, "podman", "network", "create", "--subnet", "10.210.1.0/24", PROJECT + "_backend");

        long starting = System.nanoTime();
        started = true;
        everyContainerWasCreated(
                podman.ok(COMMAND_LIMIT, concat(concat(COMPOSE, "up", "-d"), STARTED.toArray(String[]::new))));
        awaitHealthy(Duration.ofMinutes(6));
        System.out.printf("[containers] every container healthy %.0f s after compose up%n", seconds(starting));
        warmTheGrpcPath();
        System.out.println("[containers] memory at idle:\n"
                + podman.ok(COMMAND_LIMIT, "podman", "stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}"));
    }

    @AfterAll
    static void removeTheStack() {
        if (podman == null) {
            return;
        }
        if (started) {
            System.out.println("[containers] " + projectContainers("{{.Names}} {{.Status}}"));
        }
        podman.run(COMMAND_LIMIT, concat(COMPOSE, "down", "-v", "-t", "5"));
        // Whatever compose did not remove: containers of the project, its networks and volumes.
        String leftovers = podman.run(
                        COMMAND_LIMIT, "podman", "ps", "-aq", "--filter", "label=io.podman.compose.project=" + PROJECT)
                .output()
                .trim();
        if (!leftovers.isEmpty()) {
            podman.run(COMMAND_LIMIT, concat(new String[] {"podman", "rm", "-f", "-t", "1"}, leftovers.split("\\s+")));
        }
        for (String network : List.of("backend", "auth-data", "logger-data", "mail-out", "monitoring")) {
            podman.run(COMMAND_LIMIT, "podman", "network", "rm", "-f", PROJECT + "_" + network);
        }
        for (String volume : List.of(
                "postgres-data", "mongo-data", "rabbitmq-data", "mail-outbox", "prometheus-data", "grafana-data")) {
            podman.run(COMMAND_LIMIT, "podman", "volume", "rm", "-f", PROJECT + "_" + volume);
        }
    }

    @Test
    @Order(1)
    void everyServiceRunsAsTheImageUserAndOnlyTheEdgeIsPublished() {
        for (String service : SERVICES) {
            assertEquals(
                    "1001",
                    podman.ok(COMMAND_LIMIT, "podman", "exec", container(service), "id", "-u")
                            .trim(),
                    service + " runs as the image's non-root user");
        }
        for (String inside : List.of("auth", "logger", "listener", "mail", "postgres", "mongo")) {
            assertEquals(
                    "",
                    podman.ok(COMMAND_LIMIT, "podman", "port", container(inside))
                            .trim(),
                    inside + " publishes no port");
        }
        HttpResponse<String> info = Http.get(broker.resolve("info"));
        assertEquals(200, info.statusCode());
        assertEquals("broker", Http.object(info).getString("name"));
    }

    @Test
    @Order(2)
    void theOriginalContractWorksThroughThePublishedBroker() {
        HttpResponse<String> hit = Http.postJson(broker, "");
        assertEquals(200, hit.statusCode());
        assertEquals("Hit the broker", Http.object(hit).getString("message"));

        HttpResponse<String> auth = handle(Bodies.object(
                        "action",
                        "auth",
                        "auth",
                        Bodies.object("email", "admin@example.com", "password", secret("admin_password")))
                .toString());
        assertEquals(202, auth.statusCode(), auth.body());
        assertEquals(
                "admin@example.com", Http.object(auth).getJsonObject("data").getString("email"));
        assertEquals(
                401,
                handle("{\"action\":\"auth\",\"auth\":{\"email\":\"admin@example.com\","
                                + "\"password\":\"not-the-password\"}}")
                        .statusCode());

        String amqpName = "containers-amqp-" + UUID.randomUUID();
        HttpResponse<String> logged = handle(logAction(amqpName));
        assertEquals(202, logged.statusCode(), logged.body());
        String grpcName = "containers-grpc-" + UUID.randomUUID();
        HttpResponse<String> grpc = Http.postJson(broker.resolve("log-grpc"), logAction(grpcName));
        assertEquals(202, grpc.statusCode(), grpc.body());
        eventually(Duration.ofSeconds(30), () -> stored(amqpName) == 1 && stored(grpcName) == 1, "both entries stored");

        String to = "someone-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> mail = handle(Bodies.object(
                        "action",
                        "mail",
                        "mail",
                        Bodies.object(
                                "from",
                                "me@example.com",
                                "to",
                                to,
                                "subject",
                                "from the containers",
                                "message",
                                "hello"))
                .toString());
        assertEquals(202, mail.statusCode(), mail.body());
        assertEquals("Message sent to " + to, Http.object(mail).getString("message"));
        eventually(Duration.ofSeconds(60), () -> mailsTo(to) == 1, "the mail reaches the SMTP server");

        HttpResponse<String> unknown = handle("{\"action\":\"nope\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("unknown action", Http.object(unknown).getString("message"));
    }

    @Test
    @Order(3)
    void theApiSignsInWritesAndReadsWithAToken() {
        String token = token();
        String name = "containers-api-" + UUID.randomUUID();
        HttpResponse<String> written = Http.postJson(
                broker.resolve("api/logs"),
                Bodies.object("name", name, "data", "through /api", "level", "WARNING")
                        .toString(),
                "Authorization",
                "Bearer " + token);
        assertEquals(202, written.statusCode(), written.body());
        eventually(Duration.ofSeconds(30), () -> stored(name) == 1, "the entry is stored");
        JsonObject entry = page(name).getJsonArray("items").getJsonObject(0);
        assertEquals("WARNING", entry.getString("level"));
        assertEquals("through /api", entry.getString("data"));

        assertEquals(401, Http.get(broker.resolve("api/logs?name=" + name)).statusCode(), "no token, no logs");
        HttpResponse<String> status = Http.getWithToken(broker.resolve("api/status"), token);
        assertEquals(200, status.statusCode(), status.body());
    }

    @Test
    @Order(4)
    void anEventPublishedToRabbitMqInTheOriginalFormatIsStored() {
        String name = "containers-rabbit-" + UUID.randomUUID();
        publishToRabbitMq(name, "published straight to the exchange");
        eventually(Duration.ofSeconds(30), () -> stored(name) == 1, "the listener hands the event to the logger");
    }

    /**
     * The observability layer as compose.observability.yaml runs it: Prometheus, with the project's scrape
     * configuration and rules, finds every service container by its name and RabbitMQ, evaluates every rule, and the
     * recording rules give the request rates per service that the dashboards and the status page draw.
     */
    @Test
    @Order(5)
    void prometheusScrapesEveryContainerAndEvaluatesTheProjectsRules() {
        eventually(
                Duration.ofSeconds(90),
                () -> upTargets().containsAll(concatenated(SERVICES, List.of("rabbitmq"))),
                "Prometheus scrapes every service and RabbitMQ");
        Set<String> targets = new TreeSet<>(upTargets());
        assertEquals(
                new TreeSet<>(concatenated(SERVICES, List.of("rabbitmq"))), targets, "the targets Prometheus finds");
        eventually(
                Duration.ofSeconds(90),
                () -> {
                    List<JsonObject> rules = rules();
                    return !rules.isEmpty() && rules.stream().allMatch(r -> "ok".equals(r.getString("health")));
                },
                "every rule evaluated without error");
        List<JsonObject> rules = rules();
        assertTrue(rules.stream().anyMatch(r -> "alerting".equals(r.getString("type"))), "the alerts are loaded");
        assertTrue(rules.stream().anyMatch(r -> "recording".equals(r.getString("type"))), "the recordings too");
        eventually(
                Duration.ofSeconds(120),
                () -> {
                    Http.postJson(broker, "");
                    return query("service:requests:rate5m{service=\"broker\"}").size() > 0;
                },
                "the broker's request rate is recorded");
        System.out.printf("[containers] Prometheus: %d targets up, %d rules evaluated%n", targets.size(), rules.size());
    }

    /** One request through the broker is one trace in the trace receiver, across REST, AMQP and the listener. */
    @Test
    @Order(6)
    void oneRequestThroughTheBrokerIsOneTraceInTheTraceReceiver() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> logged = Http.postJson(
                broker.resolve("handle"),
                logAction("containers-traced-" + traceId),
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(202, logged.statusCode(), logged.body());
        Set<String> expected = Set.of("broker", "listener", "logger");
        eventually(Duration.ofSeconds(60), () -> traceServices(traceId).containsAll(expected), "the whole trace");
        System.out.println("[containers] one /handle log request, one trace across " + traceServices(traceId));
    }

    @Test
    @Order(7)
    void aCrashedLoggerIsAFast503ThenRestartedAndNothingPublishedMeanwhileIsLost() {
        String logger = container("logger");
        int restartsBefore = restartCount(logger);
        String pid = podman.ok(COMMAND_LIMIT, "podman", "inspect", logger, "--format", "{{.State.Pid}}")
                .trim();
        long crashed = System.nanoTime();
        podman.ok(COMMAND_LIMIT, "kill", "-KILL", pid); // the server process dies, as in a crash

        // While it is down, every gRPC write through the broker is answered, fast, with a 503.
        String burst = "containers-outage-" + UUID.randomUUID();
        List<Long> answerMillis = new ArrayList<>();
        long firstServed = -1;
        int published = 0;
        while (seconds(crashed) < 240) {
            long asked = System.nanoTime();
            HttpResponse<String> answer = Http.postJson(broker.resolve("log-grpc"), logAction(burst + "-grpc"));
            long millis = (System.nanoTime() - asked) / 1_000_000;
            if (answer.statusCode() == 202) {
                firstServed = System.nanoTime();
                break;
            }
            assertEquals(503, answer.statusCode(), "a write while the logger is down: " + answer.body());
            answerMillis.add(millis);
            if (published < 20) {
                publishToRabbitMq(burst, "event " + published++);
            }
            sleep(250);
        }
        assertTrue(firstServed > 0, "the logger came back within 240 s");
        assertTrue(restartCount(logger) > restartsBefore, "the restart policy restarted the logger");
        assertTrue(answerMillis.size() > 0, "the broker answered while the logger was down");
        long slowest = answerMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(slowest < 2000, "every 503 came within 2 s; the slowest took " + slowest + " ms");
        System.out.printf(
                "[containers] logger crashed: the broker answered 503 for %.1f s (%d answers, the slowest in %d ms),"
                        + " then the restarted logger served again%n",
                (firstServed - crashed) / 1e9, answerMillis.size(), slowest);

        int expected = published;
        assertTrue(expected > 0, "events were published during the outage");
        eventually(Duration.ofSeconds(60), () -> stored(burst) == expected, "every event published meanwhile");
        sleep(3000);
        assertEquals(expected, stored(burst), "and none twice");
    }

    /**
     * One more auth replica in the shape k8s/base/liberty-pod.yaml gives every service pod in Kubernetes: a read-only
     * root, writable only where that file mounts its emptyDirs, all capabilities dropped, no new privileges, user
     * 1001 in group 0 with 1001 added (the fsGroup), a 640 MB limit, the secrets as one read-only folder at
     * /run/secrets and the keystore's password from a file. It must become ready, refuse writes elsewhere, sign the
     * admin in, and its token must be good at the broker: both replicas sign with the one mounted key.
     */
    @Test
    @Order(8)
    void anAuthReplicaRunsInTheKubernetesPodShape() throws Exception {
        String name = PROJECT + "_auth-pod";
        int port = Ports.free();
        List<String> run = new ArrayList<>(List.of("podman", "run", "-d", "--name", name));
        // Labelled as the project's, so that removeTheStack removes it whatever happens here.
        run.addAll(List.of("--label", "io.podman.compose.project=" + PROJECT));
        run.addAll(List.of("--network", PROJECT + "_backend", "--network", PROJECT + "_auth-data"));
        run.addAll(List.of("--read-only", "--read-only-tmpfs=false", "--cap-drop=all"));
        run.addAll(List.of("--security-opt", "no-new-privileges", "--user", "1001:0", "--group-add", "1001"));
        run.addAll(List.of("--memory", "640m", "-p", "127.0.0.1:" + port + ":9080"));
        for (String writable : emptyDirs()) {
            run.addAll(List.of("--tmpfs", writable + ":rw,mode=0777,size=256m"));
        }
        run.addAll(List.of("-v", podSecrets() + ":/run/secrets:ro"));
        for (String variable : podman.ok(
                        COMMAND_LIMIT,
                        "podman",
                        "inspect",
                        container("auth"),
                        "--format",
                        "{{range .Config.Env}}{{println .}}{{end}}")
                .split("\n")) {
            if (!variable.isBlank() && !variable.startsWith("PATH=") && !variable.startsWith("HOSTNAME=")) {
                run.addAll(List.of("-e", variable));
            }
        }
        run.addAll(
                List.of("-e", "keystore_password_FILE=/run/secrets/keystore_password", "localhost/jmicro/auth:latest"));
        long starting = System.nanoTime();
        podman.ok(COMMAND_LIMIT, run.toArray(String[]::new));
        try {
            Map<String, Long> exitedSince = new LinkedHashMap<>();
            while (!podman.run(COMMAND_LIMIT, "podman", "healthcheck", "run", name)
                    .ok()) {
                failIfOneStaysExited(List.of(name), exitedSince);
                if (seconds(starting) > 240) {
                    fail("the auth replica in the pod's shape is not ready after 4 minutes:\n"
                            + podman.run(COMMAND_LIMIT, "podman", "logs", "--tail", "40", name)
                                    .output());
                }
                sleep(2000);
            }
            System.out.printf(
                    "[containers] auth in the Kubernetes pod's shape ready after %.0f s%n", seconds(starting));
            for (String elsewhere : List.of("/config/probe", "/opt/jmicro/probe", "/home/probe")) {
                assertTrue(
                        !podman.run(COMMAND_LIMIT, "podman", "exec", name, "touch", elsewhere)
                                .ok(),
                        elsewhere + " is read-only");
            }
            assertEquals(
                    "0000000000000000",
                    podman.ok(
                                    COMMAND_LIMIT,
                                    "podman",
                                    "exec",
                                    name,
                                    "bash",
                                    "-c",
                                    "grep CapEff /proc/1/status | cut -f2")
                            .trim(),
                    "no capability is left");
            HttpResponse<String> issued = Http.postJson(
                    URI.create("http://127.0.0.1:" + port + "/tokens"),
                    Bodies.object("email", "admin@example.com", "password", secret("admin_password"))
                            .toString());
            assertEquals(200, issued.statusCode(), issued.body());
            String token = Http.object(issued).getString("access_token");
            HttpResponse<String> logs = Http.getWithToken(broker.resolve("api/logs?size=1"), token);
            assertEquals(200, logs.statusCode(), "the broker accepts the replica's token: " + logs.body());
            System.out.println("[containers] memory after the tests' traffic:\n"
                    + podman.ok(
                            COMMAND_LIMIT, "podman", "stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}"));
        } finally {
            podman.run(COMMAND_LIMIT, "podman", "rm", "-f", "-t", "5", name);
        }
    }

    /**
     * The secrets as Kubernetes mounts a Secret with the pod's defaultMode 0440 and fsGroup 1001: a folder anyone may
     * enter, files readable by their owner and group 1001 only.
     */
    private static Path podSecrets() throws Exception {
        Path folder = secrets.resolveSibling("pod-secrets");
        podman.ok(COMMAND_LIMIT, "rm", "-rf", folder.toString());
        podman.ok(COMMAND_LIMIT, "cp", "-r", secrets.toString(), folder.toString());
        podman.ok(COMMAND_LIMIT, "chmod", "755", folder.toString());
        podman.ok(COMMAND_LIMIT, "bash", "-c", "chmod 0440 \"$0\"/* && chgrp 1001 \"$0\"/*", folder.toString());
        return folder;
    }

    /** Where k8s/base/liberty-pod.yaml lets Liberty write: its mounts other than the secrets. */
    private static List<String> emptyDirs() throws Exception {
        Path pod = Path.of(System.getProperty("stack.root")).resolve("k8s/base/liberty-pod.yaml");
        List<String> paths = new ArrayList<>();
        java.util.regex.Matcher mount =
                java.util.regex.Pattern.compile("mountPath: (/[^ ,}]+)").matcher(Files.readString(pod));
        while (mount.find()) {
            if (!mount.group(1).equals("/run/secrets")) {
                paths.add(mount.group(1));
            }
        }
        assertEquals(List.of("/opt/ol/wlp/output", "/logs", "/tmp"), paths);
        return paths;
    }

    // --- helpers

    /**
     * The first gRPC write into a logger that has just become ready can miss the broker's 900 ms deadline on both
     * tries on two shared cores (Liberty sets up its gRPC servlet on the first call): the broker then answers 503, as
     * it should for a slow dependency. Measured here and warmed as a first client would, so that the tests below see
     * the steady system; the cold start itself is a performance matter.
     */
    private static void warmTheGrpcPath() {
        long warming = System.nanoTime();
        int unavailable = 0;
        while (Http.postJson(broker.resolve("log-grpc"), logAction("warm-up")).statusCode() == 503) {
            unavailable++;
            if (seconds(warming) > 60) {
                fail("the broker's gRPC path to the logger answered 503 for a minute after both were ready");
            }
            sleep(500);
        }
        System.out.printf(
                "[containers] first gRPC log write: %d answers 503 before the first 202, %.1f s%n",
                unavailable, seconds(warming));
    }

    private static String container(String service) {
        return PROJECT + "_" + service + "_1";
    }

    /**
     * podman-compose 1.0.3 goes on when podman cannot create or start one container, and exits 0: a container that is
     * missing, or was created but never ran, fails here at once, with what podman said about it, instead of being
     * waited for as if it were starting.
     */
    private static void everyContainerWasCreated(String upOutput) {
        Map<String, String> states = containerStates();
        List<String> broken = new ArrayList<>();
        for (String service : STARTED) {
            String name = container(service);
            String state = states.get(name);
            if (state == null) {
                broken.add(name + " was not created");
            } else if (state.equals("created")) {
                broken.add(name + " was created but never started");
            }
        }
        if (!broken.isEmpty()) {
            List<String> errors = upOutput.lines()
                    .filter(l -> l.contains("Error") || l.contains("error") || l.contains("exit code"))
                    .toList();
            fail(String.join("; ", broken) + ". What podman said:\n" + String.join("\n", errors));
        }
    }

    /** Each container of the project by name, with podman's word for its state (created, running, exited, ...). */
    private static Map<String, String> containerStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : projectContainers("{{.Names}} {{.State}}").split("\n")) {
            String[] nameAndState = line.trim().split(" ", 2);
            if (nameAndState.length == 2) {
                states.put(nameAndState[0], nameAndState[1]);
            }
        }
        return states;
    }

    /** One line per container of the project, in podman ps' format. */
    private static String projectContainers(String format) {
        return podman.run(
                        COMMAND_LIMIT,
                        "podman",
                        "ps",
                        "-a",
                        "--filter",
                        "label=io.podman.compose.project=" + PROJECT,
                        "--format",
                        format)
                .output();
    }

    private static List<String> concatenated(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void awaitHealthy(Duration limit) {
        List<String> waiting = new ArrayList<>();
        STARTED.forEach(s -> waiting.add(container(s)));
        long started = System.nanoTime();
        Map<String, Long> exitedSince = new LinkedHashMap<>();
        while (!waiting.isEmpty()) {
            failIfOneStaysExited(waiting, exitedSince);
            // Health checks do not run by themselves under podman without systemd: run each on demand.
            waiting.removeIf(name -> {
                boolean healthy = podman.run(COMMAND_LIMIT, "podman", "healthcheck", "run", name)
                        .ok();
                if (healthy) {
                    System.out.printf("[containers] %-24s healthy after %3.0f s%n", name, seconds(started));
                }
                return healthy;
            });
            if (seconds(started) > limit.toSeconds()) {
                fail("not healthy within " + limit + ": " + waiting + "\n"
                        + podman.run(COMMAND_LIMIT, "podman", "logs", "--tail", "30", waiting.get(0))
                                .output());
            }
            sleep(2000);
        }
    }

    /** The services of the targets Prometheus scrapes and finds up. */
    private static List<String> upTargets() {
        JsonObject answer = Http.object(Http.get(prometheus.resolve("api/v1/targets?state=active")));
        List<String> up = new ArrayList<>();
        for (JsonObject target :
                answer.getJsonObject("data").getJsonArray("activeTargets").getValuesAs(JsonObject.class)) {
            if ("up".equals(target.getString("health"))) {
                JsonObject labels = target.getJsonObject("labels");
                up.add(labels.getString("service", labels.getString("job")));
            }
        }
        return up;
    }

    private static List<JsonObject> rules() {
        JsonObject answer = Http.object(Http.get(prometheus.resolve("api/v1/rules")));
        List<JsonObject> rules = new ArrayList<>();
        for (JsonObject group :
                answer.getJsonObject("data").getJsonArray("groups").getValuesAs(JsonObject.class)) {
            rules.addAll(group.getJsonArray("rules").getValuesAs(JsonObject.class));
        }
        return rules;
    }

    private static JsonArray query(String promql) {
        HttpResponse<String> answer =
                Http.get(prometheus.resolve("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.object(answer).getJsonObject("data").getJsonArray("result");
    }

    /** The services of a trace's spans, as Jaeger's query API (or the stand-in's) gives them; none when unknown. */
    private static Set<String> traceServices(String traceId) {
        HttpResponse<String> answer = Http.get(jaeger.resolve("api/traces/" + traceId));
        Set<String> services = new TreeSet<>();
        if (answer.statusCode() != 200) {
            return services;
        }
        for (JsonObject trace : Http.object(answer).getJsonArray("data").getValuesAs(JsonObject.class)) {
            trace.getJsonObject("processes")
                    .values()
                    .forEach(p -> services.add(((JsonObject) p).getString("serviceName")));
        }
        return services;
    }

    /**
     * A container that exits while the stack starts and is not back 15 s later (the restart policy has given up, or
     * is slow) will not become healthy: it fails the wait at once, with its last lines, instead of after minutes.
     */
    private static void failIfOneStaysExited(List<String> waiting, Map<String, Long> exitedSince) {
        Map<String, String> states = containerStates();
        for (String name : waiting) {
            if (!"exited".equals(states.get(name))) {
                exitedSince.remove(name);
            } else if (seconds(exitedSince.computeIfAbsent(name, n -> System.nanoTime())) > 15) {
                fail(name + " exited while the stack started and stayed down:\n"
                        + podman.run(COMMAND_LIMIT, "podman", "logs", "--tail", "30", name)
                                .output());
            }
        }
    }

    private static int restartCount(String name) {
        return Integer.parseInt(podman.ok(COMMAND_LIMIT, "podman", "inspect", name, "--format", "{{.RestartCount}}")
                .trim());
    }

    private static HttpResponse<String> handle(String json) {
        return Http.postJson(broker.resolve("handle"), json);
    }

    private static String logAction(String name) {
        return Bodies.object("action", "log", "log", Bodies.object("name", name, "data", "from the container test"))
                .toString();
    }

    private static String token() {
        if (adminToken != null) {
            return adminToken;
        }
        HttpResponse<String> issued = Http.postJson(
                broker.resolve("api/auth/token"),
                Bodies.object("email", "admin@example.com", "password", secret("admin_password"))
                        .toString());
        assertEquals(200, issued.statusCode(), issued.body());
        adminToken = Http.object(issued).getString("access_token");
        return adminToken;
    }

    private static JsonObject page(String name) {
        HttpResponse<String> page = Http.getWithToken(
                broker.resolve("api/logs?size=100&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), token());
        assertEquals(200, page.statusCode(), page.body());
        return Http.object(page);
    }

    private static int stored(String name) {
        return page(name).getInt("total");
    }

    private static long mailsTo(String to) {
        JsonArray all = (JsonArray) Http.json(Http.get(mails).body());
        return all.stream()
                .map(JsonObject.class::cast)
                .filter(m -> m.getString("to", "").contains(to))
                .count();
    }

    /** Through RabbitMQ's management API, in the original system's format: JSON {name, data}, routing key log.INFO. */
    private static void publishToRabbitMq(String name, String data) {
        String payload = Json.createObjectBuilder()
                .add("name", name)
                .add("data", data)
                .build()
                .toString();
        String body = Json.createObjectBuilder()
                .add(
                        "properties",
                        Json.createObjectBuilder().add("delivery_mode", 2).add("content_type", "application/json"))
                .add("routing_key", "log.INFO")
                .add("payload", payload)
                .add("payload_encoding", "string")
                .build()
                .toString();
        String credentials = Base64.getEncoder()
                .encodeToString(("jmicro:" + secret("rabbitmq_password")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer =
                Http.send(HttpRequest.newBuilder(rabbitmq.resolve("api/exchanges/%2F/logs_topic/publish"))
                        .header("Authorization", "Basic " + credentials)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(Http.object(answer).getBoolean("routed"), "the event reached the queue: " + answer.body());
    }

    private static String secret(String name) {
        try {
            return Files.readString(secrets.resolve(name)).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("secret " + name + " unreadable", e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
