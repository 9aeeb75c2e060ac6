package dev.jmicro.system;

import static dev.jmicro.localstack.testing.Eventually.eventually;
import static dev.jmicro.localstack.testing.Eventually.staysSo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.backing.ZipkinBacking;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** All six services on their Liberty servers with every backing service, as {@code ./mvnw -Prun} starts them. */
class WholeSystemIT {

    /** A warning line of RESTEasy's validator in messages.log (not the line naming it in the trace state). */
    private static final Pattern VALIDATOR_WARNING = Pattern.compile("GeneralValidatorImpl\\s+W ");

    /** Liberty's error lines for a request without a token (CWWKS5522E) or with one it cannot validate (CWWKS5523E). */
    private static final Pattern TOKEN_REJECTED = Pattern.compile("\\sE CWWKS552[23]E:");

    /** jStyleParser's INFO line for each rule of a mail's style sheet. */
    private static final Pattern STYLE_SHEET_PARSED = Pattern.compile("Created RuleSet");

    /** The web container's warning line for a page that does not exist. */
    private static final Pattern PAGE_NOT_FOUND = Pattern.compile("\\sW SRVE0190E:");

    private static final String VERSION = System.getProperty("project.version", "1.0.0-SNAPSHOT");

    @RegisterExtension
    static final TestStack STACK = TestStack.of(TestStacks.options("whole-system"));

    private static LocalStack stack;

    @BeforeAll
    static void startTheWholeSystem() {
        stack = STACK.stack();
    }

    private static URI url(Service service, String path) {
        return stack.server(service).url().resolve(path);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void reportsLiveReadyAndStarted(Service service) {
        for (String probe : new String[] {"health/live", "health/ready", "health/started"}) {
            HttpResponse<String> answer = Http.get(url(service, probe));
            assertEquals(200, answer.statusCode(), service + " " + probe + ": " + answer.body());
            assertEquals("UP", Http.object(answer).getString("status"), service + " " + probe);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void servesPrometheusMetrics(Service service) {
        HttpResponse<String> answer = Http.get(url(service, "metrics"));

        assertEquals(200, answer.statusCode(), service + " /metrics");
        assertTrue(Http.contentType(answer).startsWith("text/plain"), "Prometheus text: " + Http.contentType(answer));
        assertTrue(answer.body().contains("# TYPE "), "metric families present");
        assertTrue(answer.body().contains("mp_scope=\"base\""), "JVM base metrics present");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void documentsItsApiWithOpenApi(Service service) {
        JsonObject document = Http.object(Http.get(url(service, "openapi?format=JSON")));

        assertEquals(service.serverName(), document.getJsonObject("info").getString("title"), "title");
        assertEquals(VERSION, document.getJsonObject("info").getString("version"), "version");
        assertTrue(document.getJsonObject("paths").containsKey("/info"), "the info endpoint is documented");
        JsonObject bearer = document.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("bearer");
        assertEquals("http", bearer.getString("type"), "a bearer scheme for /openapi/ui's Authorize");
        assertEquals("bearer", bearer.getString("scheme"));
        assertEquals("JWT", bearer.getString("bearerFormat"));
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
                    if (operation instanceof JsonObject op && op.containsKey("responses")) {
                        assertFalse(op.getJsonArray("tags").isEmpty(), method + " " + path + " belongs to a tag");
                    }
                }));
        String locked = Map.of(Service.AUTH, "/users", Service.BROKER, "/api/users", Service.LOGGER, "/logs")
                .get(service);
        if (locked != null) {
            JsonObject list =
                    document.getJsonObject("paths").getJsonObject(locked).getJsonObject("get");
            assertEquals(
                    "bearer",
                    list.getJsonArray("security")
                            .getJsonObject(0)
                            .keySet()
                            .iterator()
                            .next(),
                    "GET " + locked + " needs a token, and says so");
        }

        HttpResponse<String> ui = Http.get(url(service, "openapi/ui/"));
        assertEquals(200, ui.statusCode(), "OpenAPI UI");
        assertTrue(Http.contentType(ui).startsWith("text/html"), "UI is a page: " + Http.contentType(ui));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void namesItselfAndItsVersion(Service service) {
        HttpResponse<String> answer = Http.get(url(service, "info"));

        assertEquals(200, answer.statusCode(), "GET /info");
        assertEquals(service.serverName(), Http.object(answer).getString("name"));
        assertEquals(VERSION, Http.object(answer).getString("version"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void answersAnUnknownPathWithA404Problem(Service service) {
        HttpResponse<String> answer = Http.get(url(service, "no/such/thing"));

        assertEquals(404, answer.statusCode(), "status");
        assertEquals("application/problem+json", Http.contentType(answer), "media type");
        JsonObject problem = Http.object(answer);
        assertEquals(404, problem.getInt("status"), "status member");
        assertEquals("Not Found", problem.getString("title"), "title member");
        assertFalse(answer.body().contains("RESTEASY"), "no runtime internals leak: " + answer.body());
    }

    /**
     * The server says nothing on its console about its own set-up. The libraries that log through SLF4J (the MongoDB
     * driver, protonj2's AMQP client, Pebble) reach Liberty's log: without a provider SLF4J dropped every line of
     * theirs and said so. Every service declares the servlet feature its shared error servlet needs: without it,
     * Liberty's annotation scanner warned nine times a start.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void startsWithoutAWarningAboutItsOwnSetUp(Service service) throws Exception {
        String log = Files.readString(stack.server(service).log());
        String console =
                log.substring(Math.max(0, log.lastIndexOf("Launching "))); // this start's; the file is appended

        assertFalse(console.contains("SLF4J(W)"), service + ": SLF4J without a provider");
        assertFalse(console.contains("SLF4J not found"), service + ": a library's logging disabled");
        assertFalse(console.contains("ANNO_ANNOINFO_NO_METHOD"), service + ": an annotation of a missing feature");
        if (service == Service.LOGGER) {
            Path messages = stack.server(Service.LOGGER).messagesLog();
            assertTrue(
                    Files.readString(messages).contains("org.mongodb.driver.cluster"),
                    "the MongoDB driver's own lines are in " + messages);
        }
    }

    @Test
    void aClientsMistakeIsAnsweredAndNotLogged() {
        HttpResponse<String> signIn = Http.postJson(url(Service.AUTH, "tokens"), "{\"email\":\"\",\"password\":\"x\"}");
        HttpResponse<String> mail =
                Http.postJson(url(Service.MAIL, "send"), "{\"to\":\"\",\"subject\":\"s\",\"message\":\"m\"}");
        HttpResponse<String> noToken = Http.get(url(Service.BROKER, "api/me"));
        HttpResponse<String> notAToken = Http.getWithToken(url(Service.BROKER, "api/me"), "not-a-token");
        HttpResponse<String> noPage = Http.get(url(Service.FRONTEND, "no/such/page"));

        assertEquals(400, signIn.statusCode(), signIn.body());
        assertEquals(400, mail.statusCode(), mail.body());
        assertEquals(401, noToken.statusCode(), noToken.body());
        assertEquals(401, notAToken.statusCode(), notAToken.body());
        assertEquals(404, noPage.statusCode());
        // Liberty writes its log on a thread of its own: a line would be there within moments.
        staysSo(
                Duration.ofSeconds(3),
                () -> !logged(Service.AUTH, VALIDATOR_WARNING)
                        && !logged(Service.MAIL, VALIDATOR_WARNING)
                        && !logged(Service.BROKER, TOKEN_REJECTED)
                        && !logged(Service.FRONTEND, PAGE_NOT_FOUND),
                "no warning or error for a request the client got wrong");
    }

    private static boolean logged(Service service, Pattern line) {
        try {
            return line.matcher(Files.readString(stack.server(service).messagesLog()))
                    .find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMailSentThroughTheMailServiceArrivesAtTheLocalSmtpServer() throws Exception {
        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        int before = smtp.received().size();

        HttpResponse<String> answer = Http.postJson(
                url(Service.MAIL, "send"),
                "{\"to\":\"someone@example.com\",\"subject\":\"wired up\",\"message\":\"hello\"}");

        assertEquals(202, answer.statusCode(), answer.body());
        eventually(Duration.ofSeconds(20), () -> smtp.received().size() > before, "a mail arrives");
        assertEquals(before + 1, smtp.received().size(), "one mail arrived");
        assertEquals("wired up", smtp.received().get(before).getSubject());
        assertFalse(logged(Service.MAIL, STYLE_SHEET_PARSED), "the style sheet's rules are not logged");
    }

    @Test
    void aTokenFromTheAuthServiceIsVerifiedByTheBroker() {
        HttpResponse<String> issued = Http.postJson(
                url(Service.AUTH, "tokens"), stack.adminCredentials().toString());
        assertEquals(200, issued.statusCode(), issued.body());
        String token = Http.object(issued).getString("access_token");

        HttpResponse<String> me = Http.getWithToken(url(Service.BROKER, "api/me"), token);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(LocalStack.ADMIN_EMAIL, Http.object(me).getString("email"));
        assertTrue(Http.object(me).getJsonArray("groups").toString().contains("admin"), me.body());

        assertEquals(401, Http.get(url(Service.BROKER, "api/me")).statusCode(), "no token");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(
                401, Http.getWithToken(url(Service.BROKER, "api/me"), tampered).statusCode(), "tampered");
    }

    @Test
    void everyServiceExportsItsTracesToTheViewer() throws InterruptedException {
        URI zipkin = URI.create(stack.backing(ZipkinBacking.class).orElseThrow().url());
        Set<String> expected =
                Arrays.stream(Service.values()).map(Service::serverName).collect(Collectors.toSet());
        Set<String> seen = new TreeSet<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!seen.containsAll(expected) && System.nanoTime() < deadline) {
            for (Service service : Service.values()) {
                Http.get(url(service, "info"));
            }
            Thread.sleep(1000);
            JsonArray services = (JsonArray)
                    Http.json(Http.get(zipkin.resolve("api/v2/services")).body());
            services.getValuesAs(JsonString.class).forEach(name -> seen.add(name.getString()));
        }
        assertTrue(seen.containsAll(expected), "services with traces in Zipkin: " + seen);
    }

    @Test
    void aSignInEventIsOneTraceFromAuthThroughTheListenerToTheLogger() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> signedIn = Http.postJson(
                url(Service.AUTH, "authenticate"),
                stack.adminCredentials().toString(),
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(202, signedIn.statusCode(), signedIn.body());

        Set<String> spans = TestStacks.awaitTrace(stack, traceId, Set.of("auth", "listener", "logger"));
        assertTrue(spans.contains("log_events process"), "the listener's consumer span: " + spans);
        assertTrue(spans.contains("store log entry"), "the logger's store span: " + spans);
    }

    @Test
    void anEncryptionThroughTheBrokerIsOneTraceAndNoSpanHoldsTheTextOrTheCiphertext() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String marker = "secret-" + traceId;
        String token = Tokens.signed(stack.secrets(), "crypto@example.com", "user");
        HttpResponse<String> sealed = Http.postJson(
                url(Service.BROKER, "api/crypto/encrypt"),
                Bodies.object("plaintext", marker, "associated_data", marker).toString(),
                "Authorization",
                "Bearer " + token,
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(200, sealed.statusCode(), sealed.body());
        String ciphertext = Http.object(sealed).getString("ciphertext");

        TestStacks.awaitTrace(stack, traceId, Set.of("broker", "auth"));
        String spans =
                stack.backing(ZipkinBacking.class).orElseThrow().trace(traceId).toString();
        assertFalse(spans.contains(marker), "no span holds the text or the associated data: " + spans);
        assertFalse(
                spans.contains(ciphertext.substring(ciphertext.lastIndexOf('.') + 1, ciphertext.lastIndexOf('.') + 21)),
                "no span holds the ciphertext");
    }

    @Test
    void aLogWriteThroughTheBrokerIsOneTraceOverAmqpAndOverGrpc() throws InterruptedException {
        String overAmqp = UUID.randomUUID().toString().replace("-", "");
        String overGrpc = UUID.randomUUID().toString().replace("-", "");
        String entry = "{\"action\":\"log\",\"log\":{\"name\":\"traced\",\"data\":\"through the broker\"}}";

        assertEquals(
                202,
                Http.postJson(
                                url(Service.BROKER, "handle"),
                                entry,
                                "traceparent",
                                "00-" + overAmqp + "-00f067aa0ba902b7-01")
                        .statusCode());
        assertEquals(
                202,
                Http.postJson(
                                url(Service.BROKER, "log-grpc"),
                                entry,
                                "traceparent",
                                "00-" + overGrpc + "-00f067aa0ba902b7-01")
                        .statusCode());

        Set<String> amqpSpans = TestStacks.awaitTrace(stack, overAmqp, Set.of("broker", "listener", "logger"));
        assertTrue(amqpSpans.contains("store log entry"), "stored in the request's trace: " + amqpSpans);
        Set<String> grpcSpans = TestStacks.awaitTrace(stack, overGrpc, Set.of("broker", "logger"));
        assertTrue(
                grpcSpans.stream().anyMatch("logs.LogService/WriteLog"::equalsIgnoreCase),
                "the logger's gRPC span: " + grpcSpans);
    }
}
