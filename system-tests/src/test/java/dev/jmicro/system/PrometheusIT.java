package dev.jmicro.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.PrometheusBacking;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.support.AmqpPeer;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's recording rules, alerts and dashboards on real data: a real Prometheus (Debian's, the local run's
 * {@link PrometheusBacking}) scrapes the whole local stack every 2 s while traffic goes through every path, failures
 * included: wrong passwords up to a lockout, a poison event, mails while the SMTP server is gone, the logger stopped.
 * Then every recording rule, every alert expression and every dashboard query (variables filled in) is evaluated
 * through Prometheus' HTTP API: each must parse and return data, and every metric they name must exist; and the
 * logger's ServiceDown alert must be raised.
 */
class PrometheusIT {

    private static final Duration SCRAPE = Duration.ofSeconds(2);
    private static final Pattern NAME = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset");

    /** Started by hand, once the test knows Prometheus is there. */
    private static final TestStack STACK = TestStack.of(TestStacks.options("prometheus")
            .prometheus(SCRAPE)
            // A mail that cannot be delivered is retried once, soon, then given up.
            .setting(Service.MAIL, "MAIL_RETRY_MAX_ATTEMPTS", "2")
            .setting(Service.MAIL, "MAIL_RETRY_INITIAL_DELAY_MS", "200")
            .setting(Service.MAIL, "MAIL_COURIER_POLL_MS", "200"));

    private static LocalStack stack;
    private static URI prometheus;
    private static long started;

    @BeforeAll
    static void startTheSystemWithPrometheusAndDriveEveryPath() throws Exception {
        boolean installed = PrometheusBacking.installed();
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("the Prometheus test cannot run under CI: prometheus is not installed");
        }
        Assumptions.assumeTrue(installed, "Prometheus test skipped: Debian's prometheus is not installed");
        started = System.nanoTime();
        stack = STACK.start();
        prometheus =
                URI.create(stack.backing(PrometheusBacking.class).orElseThrow().url());
        driveTraffic();
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (stack != null) {
            stack.backing(PrometheusBacking.class).ifPresent(p -> {
                var info = p.process().info();
                System.out.printf(
                        "[prometheus] after %.0f s: %s CPU, %s resident%n",
                        (System.nanoTime() - started) / 1e9,
                        info.totalCpuDuration()
                                .map(d -> d.toMillis() / 1000.0 + " s")
                                .orElse("?"),
                        resident(p.process().pid()));
            });
        }
        STACK.close();
    }

    @Test
    void everyRecordingRuleReturnsData() throws Exception {
        List<String> empty = new ArrayList<>();
        int rules = 0;
        for (Map<String, Object> rule : rules("recording.yml")) {
            rules++;
            String record = String.valueOf(rule.get("record"));
            if (query(record).isEmpty()) {
                empty.add(record);
            }
        }
        assertEquals(List.of(), empty, "recording rules without data");
        System.out.println("[prometheus] " + rules + " recording rules, each with data");
    }

    @Test
    void everyAlertExpressionEvaluatesOnSeriesThatExist() throws Exception {
        Set<String> names = metricNames();
        List<String> faults = new ArrayList<>();
        int alerts = 0;
        for (Map<String, Object> rule : rules("alerts.yml")) {
            alerts++;
            String expr = String.valueOf(rule.get("expr"));
            query(expr); // parses and evaluates, or throws
            faults.addAll(missingSeries(rule.get("alert").toString(), expr, names));
        }
        assertEquals(List.of(), faults);
        System.out.println("[prometheus] " + alerts + " alert expressions, each on existing series");
    }

    @Test
    void everyDashboardQueryReturnsData() throws Exception {
        Set<String> names = metricNames();
        List<String> faults = new ArrayList<>();
        int panels = 0;
        for (Path file : dashboards()) {
            JsonObject dashboard =
                    Json.createReader(new StringReader(Files.readString(file))).readObject();
            for (JsonValue value : dashboard.getJsonArray("panels")) {
                panels++;
                JsonObject panel = value.asJsonObject();
                for (JsonValue target : panel.getJsonArray("targets")) {
                    // The JVM dashboard's one variable, as Grafana fills it in.
                    String expr = target.asJsonObject().getString("expr").replace("$service", "broker");
                    String where = file.getFileName() + " / " + panel.getString("title") + ": " + expr;
                    if (query(expr).isEmpty()) {
                        faults.add(where + " returns nothing");
                    }
                    faults.addAll(missingSeries(where, expr, names));
                }
            }
        }
        assertEquals(List.of(), faults);
        System.out.println("[prometheus] " + panels + " dashboard panels, each with data");
    }

    /**
     * The alert's expression holds on the live data once the logger is gone: ServiceDown is active (pending, then
     * firing). That it fires only after its {@code for: 1m} is Prometheus' own clock, shown by promtool's unit test
     * ({@code observability/prometheus/tests/alerts-test.yml}); waiting that minute here added a minute to every build.
     */
    @Test
    void aStoppedServiceRaisesItsServiceDownAlert() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray alerts = get("api/v1/alerts").getJsonObject("data").getJsonArray("alerts");
            for (JsonValue value : alerts) {
                JsonObject alert = value.asJsonObject();
                JsonObject labels = alert.getJsonObject("labels");
                if ("ServiceDown".equals(labels.getString("alertname"))
                        && "logger".equals(labels.getString("service"))
                        && Set.of("pending", "firing").contains(alert.getString("state"))) {
                    System.out.println("[prometheus] active alerts: " + names(alerts));
                    return;
                }
            }
            Thread.sleep(1000);
        }
        fail("ServiceDown was not raised for the stopped logger: "
                + get("api/v1/alerts").getJsonObject("data").getJsonArray("alerts"));
    }

    // --- traffic

    private static void driveTraffic() throws Exception {
        URI broker = stack.server(Service.BROKER).url();
        String password = stack.secrets().adminPassword();
        for (int i = 0; i < 5; i++) {
            Http.postJson(broker, "{}");
            ok(Http.postJson(
                    broker.resolve("handle"),
                    Bodies.object("action", "log", "log", Bodies.object("name", "prom", "data", String.valueOf(i)))
                            .toString()));
            ok(Http.postJson(
                    broker.resolve("log-grpc"),
                    Bodies.object("action", "log", "log", Bodies.object("name", "prom-grpc", "data", String.valueOf(i)))
                            .toString()));
        }
        HttpResponse<String> issued = Http.postJson(
                broker.resolve("api/auth/token"),
                Bodies.object("email", "admin@example.com", "password", password)
                        .toString());
        ok(issued);
        String token = Http.object(issued).getString("access_token");
        ok(Http.getWithToken(
                broker.resolve("api/logs?size=5&name=" + URLEncoder.encode("prom", StandardCharsets.UTF_8)), token));
        ok(Http.postJson(
                broker.resolve("handle"),
                "{\"action\":\"mail\",\"mail\":{\"from\":\"me@example.com\",\"to\":\"you@example.com\","
                        + "\"subject\":\"metrics\",\"message\":\"delivered\"}}"));
        // Wrong passwords until the account locks (five failures), then the right one is refused too.
        for (int i = 0; i < 6; i++) {
            Http.postJson(
                    broker.resolve("handle"),
                    Bodies.object(
                                    "action",
                                    "auth",
                                    "auth",
                                    Bodies.object("email", "admin@example.com", "password", "wrong-" + i))
                            .toString());
        }
        // A poison event: not JSON, dead-lettered by the listener.
        try (AmqpPeer peer = new AmqpPeer(stack.backing(AmqpBacking.class).orElseThrow())) {
            peer.publish("INFO", "this is not a log event", null, Map.of());
        }
        waitScrapes(3);
        // The SMTP server gone: the next mail is retried, then given up.
        stack.backing(SmtpBacking.class).orElseThrow().close();
        ok(Http.postJson(
                broker.resolve("handle"),
                "{\"action\":\"mail\",\"mail\":{\"from\":\"me@example.com\",\"to\":\"you@example.com\","
                        + "\"subject\":\"metrics\",\"message\":\"undeliverable\"}}"));
        // The logger stopped: the broker answers 503 and its circuit breaker opens; the listener retries the events
        // published meanwhile.
        stack.stop(Service.LOGGER);
        for (int i = 0; i < 3; i++) {
            ok(Http.postJson(
                    broker.resolve("handle"),
                    Bodies.object("action", "log", "log", Bodies.object("name", "prom", "data", "down " + i))
                            .toString()));
        }
        for (int i = 0; i < 10; i++) {
            Http.postJson(
                    broker.resolve("log-grpc"),
                    Bodies.object("action", "log", "log", Bodies.object("name", "prom-grpc", "data", "down " + i))
                            .toString());
        }
        waitScrapes(5);
    }

    /** A first call may meet a cold channel (the gRPC one's deadline) on a busy machine: a few tries. */
    private static void okSoon(java.util.function.Supplier<HttpResponse<String>> call) throws InterruptedException {
        HttpResponse<String> answer = call.get();
        for (int tries = 1; answer.statusCode() >= 300 && tries < 5; tries++) {
            Thread.sleep(1000);
            answer = call.get();
        }
        ok(answer);
    }

    private static void ok(HttpResponse<String> answer) {
        assertTrue(answer.statusCode() < 300, answer.statusCode() + " " + answer.body());
    }

    private static void waitScrapes(int scrapes) throws InterruptedException {
        Thread.sleep(SCRAPE.toMillis() * scrapes + 500);
    }

    // --- Prometheus' HTTP API

    /** The result of an instant query; throws when Prometheus cannot parse or evaluate it. */
    private static List<JsonValue> query(String expr) {
        JsonObject answer = get("api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        assertEquals("success", answer.getString("status"), expr + ": " + answer);
        JsonObject data = answer.getJsonObject("data");
        if (!"vector".equals(data.getString("resultType"))) {
            return List.of(data.get("result"));
        }
        return List.copyOf(data.getJsonArray("result"));
    }

    private static JsonObject get(String path) {
        HttpResponse<String> answer = Http.get(prometheus.resolve(path));
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** Every metric name Prometheus has series of, recorded ones included. */
    private static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        get("api/v1/label/__name__/values")
                .getJsonArray("data")
                .forEach(v -> names.add(((jakarta.json.JsonString) v).getString()));
        return names;
    }

    /** What an expression reads that no series has, as faults named by where the expression is. */
    private static List<String> missingSeries(String where, String expr, Set<String> names) {
        List<String> faults = new ArrayList<>();
        for (String name : namesIn(expr)) {
            if (!names.contains(name)) {
                faults.add(where + " reads " + name + ", which no series has");
            }
        }
        return faults;
    }

    /** The metric names a PromQL expression reads: no strings, label matchers, ranges, groupings or functions. */
    static Set<String> namesIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            if (!KEYWORDS.contains(name.group(1))) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static Set<String> names(JsonArray alerts) {
        Set<String> names = new TreeSet<>();
        for (JsonValue alert : alerts) {
            JsonObject labels = alert.asJsonObject().getJsonObject("labels");
            names.add(labels.getString("alertname") + "(" + alert.asJsonObject().getString("state") + ")");
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(String file) throws Exception {
        Path path = TestStacks.root().resolve("observability/prometheus/rules").resolve(file);
        Map<String, Object> loaded = new Yaml().load(Files.readString(path));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) loaded.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static List<Path> dashboards() throws Exception {
        try (Stream<Path> files = Files.list(TestStacks.root().resolve("observability/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String resident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (Exception e) {
            return "?";
        }
        return "?";
    }
}
