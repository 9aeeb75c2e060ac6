package it.dev.jmicro.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Progress;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broker on its real Liberty server in front of the real auth, logger, listener and mail servers, with embedded
 * PostgreSQL, MongoDB, Artemis and SMTP: every original action and every route of the broker's own API, tokens, bad
 * input (refused before any downstream call), each dependency stopped (a fast 503 naming it, the circuit opening, and
 * closing again by itself once the dependency is back), status, CORS, request ids and the sign-in rate limit.
 */
class BrokerIT {

    private static final String ALLOWED_ORIGIN = "http://app.example.test";
    private static final int SIGN_IN_LIMIT = 5;
    /** How old the broker's copy of auth's token revocations may be. */
    private static final int RECHECK_SECONDS = 2;

    private static LocalStack stack;
    private static String adminToken;
    private static String userToken;

    @BeforeAll
    static void start() {
        StackOptions options = StackOptions.forTests("broker-war/target/it-stack")
                .services(Set.of(Service.BROKER, Service.AUTH, Service.LOGGER, Service.LISTENER, Service.MAIL))
                .zipkin(false)
                .setting(Service.BROKER, "BROKER_STATUS_SERVICES", "broker,auth,logger,listener,mail")
                .setting(Service.BROKER, "CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN)
                .setting(Service.BROKER, "BROKER_SIGNIN_RATE_LIMIT", Integer.toString(SIGN_IN_LIMIT))
                // The tests stand in for several clients by saying who they are, as a proxy in front would.
                .setting(Service.BROKER, "BROKER_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
                .setting(Service.BROKER, "BROKER_TOKENS_RECHECK_SECONDS", Integer.toString(RECHECK_SECONDS))
                .build();
        stack = LocalStack.start(options, Progress.toStdout());
        adminToken = Tokens.signed(stack.secrets(), LocalStack.ADMIN_EMAIL, "user", "admin");
        userToken = Tokens.signed(stack.secrets(), "reader@example.com", "user");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static URI broker(String path) {
        return stack.server(Service.BROKER).url().resolve(path);
    }

    /** A POST to the broker as a client at {@code client} (X-Forwarded-For, believed from loopback in this setup). */
    private static HttpResponse<String> post(String path, String json, String client, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(broker(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request);
    }

    private static HttpResponse<String> handle(String json) {
        return post("handle", json, "192.0.2.1");
    }

    private static String signIn(String password) {
        return "{\"action\":\"auth\",\"auth\":{\"email\":\"" + LocalStack.ADMIN_EMAIL + "\",\"password\":\"" + password
                + "\"}}";
    }

    private static String logAction(String name, String data) {
        return "{\"action\":\"log\",\"log\":{\"name\":\"" + name + "\",\"data\":\"" + data + "\"}}";
    }

    private static String mailAction(String to, String subject) {
        return "{\"action\":\"mail\",\"mail\":{\"from\":\"broker-it@example.com\",\"to\":\"" + to + "\",\"subject\":\""
                + subject + "\",\"message\":\"Hello from the broker test\"}}";
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A client address no other request used. */
    private static String anotherClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Entries of one name as the logger has them, read straight from the logger. */
    private static long storedNamed(String name) {
        HttpResponse<String> page =
                Http.getWithToken(stack.server(Service.LOGGER).url().resolve("logs?size=200&name=" + name), adminToken);
        assertEquals(200, page.statusCode(), page.body());
        return Http.object(page).getJsonNumber("total").longValue();
    }

    private static boolean eventually(long seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    private static long mailsTo(String address) {
        SmtpBacking smtp = stack.backing(SmtpBacking.class).orElseThrow();
        return smtp.received().stream().filter(mail -> isTo(mail, address)).count();
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients() != null
                    && Stream.of(mail.getAllRecipients())
                            .anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static double metric(Service service, String name) {
        return stack.server(service).metric(name);
    }

    /** Over the series that carry each label, e.g. {@code route="POST /handle"}. */
    private static double metric(Service service, String name, List<String> labels) {
        return stack.server(service).metric(name, labels);
    }

    /** Requests the application of each downstream service has served: proof that a call was, or was not, made. */
    private static Map<Service, Double> downstreamRequests() {
        return Map.of(
                Service.AUTH, metric(Service.AUTH, "auth_signins_total"),
                Service.MAIL,
                        (double) stack.backing(SmtpBacking.class)
                                        .orElseThrow()
                                        .received()
                                        .size()
                                + metric(Service.MAIL, "mail_accepted_total"),
                Service.LOGGER, metric(Service.LOGGER, "logger_entries_stored_total"),
                Service.LISTENER, metric(Service.LISTENER, "listener_events_consumed_total"));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detailPart) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), answer.body());
        JsonObject problem = Http.object(answer);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(detailPart), problem.toString());
    }

    // ---- the original contract --------------------------------------------------------------------------------

    @Test
    void theRootAnswersLikeTheOriginal() {
        HttpResponse<String> answer = post("", "{}", "192.0.2.1");

        assertEquals(200, answer.statusCode());
        assertEquals(Http.json("{\"error\":false,\"message\":\"Hit the broker\"}"), Http.json(answer.body()));
    }

    @Test
    void authSignsInAndAnswersWithTheUser() {
        HttpResponse<String> answer = handle(signIn(stack.secrets().adminPassword()));

        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject body = Http.object(answer);
        assertFalse(body.getBoolean("error"));
        assertEquals("Authenticated!", body.getString("message"));
        assertEquals(LocalStack.ADMIN_EMAIL, body.getJsonObject("data").getString("email"));
        assertFalse(answer.body().contains("$2"), "no hash");
    }

    @Test
    void badCredentialsAre401WithTheOriginalMessage() {
        HttpResponse<String> answer = post("handle", signIn("not the password"), "192.0.2.77");

        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals(Http.json("{\"error\":true,\"message\":\"invalid credentials\"}"), Http.json(answer.body()));
    }

    @Test
    void logGoesOverAmqpThroughTheListenerToTheLogger() throws Exception {
        String name = unique("handle-log");

        HttpResponse<String> answer = handle(logAction(name, "via the message broker"));

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals(Http.json("{\"error\":false,\"message\":\"logged\"}"), Http.json(answer.body()));
        assertTrue(eventually(20, () -> storedNamed(name) == 1), "stored once by the listener");
    }

    @Test
    void logGrpcWritesStraightToTheLogger() {
        String name = unique("log-grpc");

        HttpResponse<String> answer = post("log-grpc", logAction(name, "via gRPC"), "192.0.2.1");

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals(Http.json("{\"error\":false,\"message\":\"logged\"}"), Http.json(answer.body()));
        assertEquals(1, storedNamed(name), "stored before the answer");
    }

    @Test
    void mailIsSentThroughTheMailService() throws Exception {
        String to = unique("handle-mail") + "@example.com";

        HttpResponse<String> answer = handle(mailAction(to, "Broker test"));

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals(
                Http.json("{\"error\":false,\"message\":\"Message sent to " + to + "\"}"), Http.json(answer.body()));
        assertTrue(eventually(20, () -> mailsTo(to) == 1), "arrived at the SMTP server");
    }

    // ---- bad input: a 4xx problem, and no downstream call ------------------------------------------------------

    static Stream<Arguments> badInput() {
        String oneMegabytePlusOne =
                "{\"action\":\"log\",\"log\":{\"name\":\"big\",\"data\":\"" + "x".repeat(1_048_577 - 47) + "\"}}";
        return Stream.of(
                Arguments.of("no body", "", 400),
                Arguments.of("malformed JSON", "{\"action\":\"log\",", 400),
                Arguments.of("two JSON values", logAction("two", "values") + logAction("two", "values"), 400),
                Arguments.of("1 MB + 1 byte", oneMegabytePlusOne, 413),
                Arguments.of("unknown action", "{\"action\":\"fly\"}", 400),
                Arguments.of("no action", "{}", 400),
                Arguments.of("auth without its object", "{\"action\":\"auth\"}", 400),
                Arguments.of("log without its object", "{\"action\":\"log\"}", 400),
                Arguments.of("mail without its object", "{\"action\":\"mail\"}", 400),
                Arguments.of("log as a string", "{\"action\":\"log\",\"log\":\"text\"}", 400),
                Arguments.of("action as an object", "{\"action\":{},\"log\":{\"name\":\"a\",\"data\":\"b\"}}", 400),
                Arguments.of("log without a name", "{\"action\":\"log\",\"log\":{\"data\":\"b\"}}", 400),
                Arguments.of(
                        "auth with an invalid address",
                        "{\"action\":\"auth\",\"auth\":{\"email\":\"nobody\"," + "\"password\":\"x\"}}",
                        400),
                Arguments.of(
                        "mail with a header injection",
                        "{\"action\":\"mail\",\"mail\":{\"to\":\"a@b.c\\r\\nBcc:"
                                + " x@y.z\",\"subject\":\"s\",\"message\":\"m\"}}",
                        400),
                Arguments.of("not JSON at all", "action=log", 400),
                Arguments.of("one byte", "1", 400),
                Arguments.of("two bytes", "[]", 400),
                Arguments.of("three bytes", "{\"}", 400),
                Arguments.of(
                        "the action twice",
                        "{\"action\":\"fly\",\"action\":\"log\",\"log\":{\"name\":\"a\",\"data\":\"b\"}}",
                        400),
                Arguments.of(
                        "nested 1000 deep",
                        "{\"action\":\"log\",\"log\":" + "[".repeat(1000) + "]".repeat(1000) + "}",
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedBeforeAnyDownstreamCall(String what, String body, int status) throws Exception {
        Map<Service, Double> before = downstreamRequests();

        HttpResponse<String> answer = handle(body);

        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), what);
        JsonObject problem = Http.object(answer);
        assertTrue(problem.getBoolean("error"), "the original envelope's error member too");
        assertEquals(problem.getString("detail"), problem.getString("message"));
        Thread.sleep(300); // an event published by mistake would reach the listener in this time
        assertEquals(before, downstreamRequests(), what + ": no downstream call");
    }

    // ---- the broker's own API -----------------------------------------------------------------------------------

    @Test
    void aTokenFromSignInOpensTheApi() {
        HttpResponse<String> token = post(
                "api/auth/token",
                "{\"email\":\"" + LocalStack.ADMIN_EMAIL + "\",\"password\":\""
                        + stack.secrets().adminPassword() + "\"}",
                "192.0.2.2");
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = Http.object(token).getString("access_token");

        HttpResponse<String> me = Http.getWithToken(broker("api/me"), accessToken);

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(LocalStack.ADMIN_EMAIL, Http.object(me).getString("email"));
    }

    @Test
    void logsAreWrittenOnceByKeyAndFoundThroughTheApi() throws Exception {
        String name = unique("api-log");
        String key = unique("key");
        String entry = "{\"name\":\"" + name + "\",\"data\":\"written twice\",\"level\":\"warning\"}";

        HttpResponse<String> first =
                post("api/logs", entry, "192.0.2.3", "Authorization", "Bearer " + userToken, "Idempotency-Key", key);
        HttpResponse<String> second =
                post("api/logs", entry, "192.0.2.3", "Authorization", "Bearer " + userToken, "Idempotency-Key", key);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, second.statusCode(), second.body());
        assertEquals(key, Http.object(first).getString("key"));
        assertTrue(eventually(20, () -> storedNamed(name) == 1));
        Thread.sleep(500);
        HttpResponse<String> found = Http.getWithToken(broker("api/logs?name=" + name), userToken);
        assertEquals(200, found.statusCode(), found.body());
        JsonObject page = Http.object(found);
        assertEquals(1, page.getInt("total"), "the same key is stored once");
        JsonObject stored = page.getJsonArray("items").getJsonObject(0);
        assertEquals("WARNING", stored.getString("level"));
        HttpResponse<String> one = Http.getWithToken(broker("api/logs/" + stored.getString("id")), userToken);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(name, Http.object(one).getString("name"));
    }

    @Test
    void theLoggersRefusalsAreRelayed() {
        assertProblem(Http.getWithToken(broker("api/logs?size=5000"), userToken), 400, "");
        assertProblem(Http.getWithToken(broker("api/logs/not-an-id"), userToken), 400, "");
    }

    @Test
    void aMailIsSentThroughTheApi() throws Exception {
        String to = unique("api-mail") + "@example.com";

        HttpResponse<String> answer = post(
                "api/mails",
                "{\"to\":\"" + to + "\",\"subject\":\"Welcome\",\"message\":\"Hi\",\"template\":\"default\"}",
                "192.0.2.4",
                "Authorization",
                "Bearer " + userToken);

        assertEquals(202, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(broker("api/mails/").toString()), location);
        assertTrue(eventually(20, () -> mailsTo(to) == 1));
        HttpResponse<String> delivery = Http.getWithToken(URI.create(location), userToken);
        assertEquals(200, delivery.statusCode(), delivery.body());
    }

    @Test
    void adminsManageUsersThroughTheBroker() {
        String email = unique("user") + "@example.com";
        HttpResponse<String> created = post(
                "api/users",
                "{\"email\":\"" + email + "\",\"first_name\":\"New\",\"last_name\":\"User\",\"password\":\"a long "
                        + "enough password\"}",
                "192.0.2.5",
                "Authorization",
                "Bearer " + adminToken);
        assertEquals(201, created.statusCode(), created.body());
        long id = Http.object(created).getJsonNumber("id").longValue();
        assertEquals(
                broker("api/users/" + id).toString(),
                created.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> deactivated =
                post("api/users/" + id + "/deactivate", "", "192.0.2.5", "Authorization", "Bearer " + adminToken);
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(Http.object(deactivated).getBoolean("active"));
        HttpResponse<String> list = Http.getWithToken(broker("api/users?size=100"), adminToken);
        assertTrue(list.body().contains(email), list.body());
    }

    @Test
    void statusShowsEveryServiceWithItsVersion() {
        HttpResponse<String> answer = Http.getWithToken(broker("api/status"), userToken);

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject status = Http.object(answer);
        assertEquals("UP", status.getString("status"), answer.body());
        assertEquals(5, status.getJsonArray("services").size());
        status.getJsonArray("services").getValuesAs(JsonObject.class).forEach(service -> {
            assertEquals("UP", service.getString("status"), service.toString());
            assertNotNull(service.getString("version"), service.toString());
        });
    }

    // ---- encryption: the original style and the API, auth's keys -------------------------------------------------

    private static HttpResponse<String> handleWithToken(String json, String token) {
        return post("handle", json, "192.0.2.1", "Authorization", "Bearer " + token);
    }

    @Test
    void encryptAndDecryptWorkInTheOriginalStyleWithAToken() {
        HttpResponse<String> sealed = handleWithToken(
                "{\"action\":\"encrypt\",\"encrypt\":{\"plaintext\":\"pay Bob 5\",\"associated_data\":\"order-7\"}}",
                userToken);
        assertEquals(202, sealed.statusCode(), sealed.body());
        JsonObject envelope = Http.object(sealed);
        assertFalse(envelope.getBoolean("error"));
        assertEquals("encrypted", envelope.getString("message"));
        String ciphertext = envelope.getJsonObject("data").getString("ciphertext");
        assertTrue(ciphertext.startsWith("jm1.default."), ciphertext);

        HttpResponse<String> opened = handleWithToken(
                "{\"action\":\"decrypt\",\"decrypt\":{\"ciphertext\":\"" + ciphertext
                        + "\",\"associated_data\":\"order-7\"}}",
                userToken);
        assertEquals(202, opened.statusCode(), opened.body());
        assertEquals("decrypted", Http.object(opened).getString("message"));
        assertEquals("pay Bob 5", Http.object(opened).getJsonObject("data").getString("plaintext"));

        HttpResponse<String> otherContext = handleWithToken(
                "{\"action\":\"decrypt\",\"decrypt\":{\"ciphertext\":\"" + ciphertext
                        + "\",\"associated_data\":\"order-8\"}}",
                userToken);
        assertProblem(otherContext, 400, "the ciphertext cannot be decrypted");
        assertTrue(Http.object(otherContext).getBoolean("error"), "the original envelope's members too");
        assertEquals(
                "the ciphertext cannot be decrypted", Http.object(otherContext).getString("message"));
    }

    @Test
    void encryptAndDecryptNeedATokenEvenWhereHandleIsOpen() {
        double before = metric(Service.AUTH, "auth_crypto_operations_total");
        for (String json : List.of(
                "{\"action\":\"encrypt\",\"encrypt\":{\"plaintext\":\"x\"}}",
                "{\"action\":\"decrypt\",\"decrypt\":{\"ciphertext\":\"jm1.default.1.AAAA\"}}")) {
            HttpResponse<String> answer = handle(json);
            assertProblem(answer, 401, "a bearer token from auth is required");
            assertTrue(Http.object(answer).getBoolean("error"));
        }
        assertEquals(
                401,
                Http.postJson(broker("api/crypto/encrypt"), "{\"plaintext\":\"x\"}")
                        .statusCode());
        assertEquals(before, metric(Service.AUTH, "auth_crypto_operations_total"), "auth was not asked");
    }

    @Test
    void theApiEncryptsDecryptsAndListsKeys() {
        HttpResponse<String> sealed = post(
                "api/crypto/encrypt", "{\"plaintext\":\"über\"}", "192.0.2.1", "Authorization", "Bearer " + userToken);
        assertEquals(200, sealed.statusCode(), sealed.body());
        String ciphertext = Http.object(sealed).getString("ciphertext");
        HttpResponse<String> opened = post(
                "api/crypto/decrypt",
                "{\"ciphertext\":\"" + ciphertext + "\"}",
                "192.0.2.1",
                "Authorization",
                "Bearer " + userToken);
        assertEquals(200, opened.statusCode(), opened.body());
        assertEquals("über", Http.object(opened).getString("plaintext"));
        assertTrue(Http.object(opened).getBoolean("newest"));

        HttpResponse<String> keys = Http.getWithToken(broker("api/crypto/keys"), userToken);
        assertEquals(200, keys.statusCode(), keys.body());
        assertEquals(1, Http.object(keys).getJsonArray("default").getInt(0), keys.body());

        assertProblem(
                post(
                        "api/crypto/encrypt",
                        "{\"plaintext\":\"x\",\"key\":\"payroll\"}",
                        "192.0.2.1",
                        "Authorization",
                        "Bearer " + userToken),
                400,
                "there is no key named");
    }

    @Test
    void badCryptoInputIsRefusedBeforeAuthIsAsked() {
        double before = metric(Service.AUTH, "auth_crypto_operations_total");
        assertProblem(handleWithToken("{\"action\":\"encrypt\"}", userToken), 400, "needs a \"encrypt\" object");
        assertProblem(handleWithToken("{\"action\":\"decrypt\",\"decrypt\":{}}", userToken), 400, "ciphertext");
        assertProblem(
                handleWithToken(
                        "{\"action\":\"encrypt\",\"encrypt\":{\"plaintext\":\"" + "x".repeat(65_537) + "\"}}",
                        userToken),
                400,
                "plaintext");
        assertProblem(
                post(
                        "api/crypto/encrypt",
                        "{\"plaintext\":\"x\",\"key\":\"../etc\"}",
                        "192.0.2.1",
                        "Authorization",
                        "Bearer " + userToken),
                400,
                "key");
        assertEquals(before, metric(Service.AUTH, "auth_crypto_operations_total"), "auth was not asked");
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    @Test
    void theApiWantsAValidTokenAndTheRightGroup() throws Exception {
        var key = Tokens.privateKey(stack.secrets());
        String expired = Tokens.sign(
                key,
                Tokens.ISSUER,
                "late@example.com",
                Instant.now().minusSeconds(600),
                "user"); // past the 5-minute clock skew Liberty allows
        String foreign = Tokens.sign(
                key,
                "https://elsewhere.example/auth",
                "x@example.com",
                Instant.now().plusSeconds(600),
                "user");
        String tampered = userToken.substring(0, userToken.length() - 4) + "AAAA";

        assertEquals(401, Http.get(broker("api/logs")).statusCode(), "no token");
        Map.of("expired", expired, "foreign issuer", foreign, "tampered", tampered)
                .forEach((what, bad) -> assertEquals(
                        401, Http.getWithToken(broker("api/logs"), bad).statusCode(), what));
        assertEquals(
                403,
                Http.deleteWithToken(broker("api/logs?before=2000-01-01T00:00:00Z"), userToken)
                        .statusCode(),
                "deleting is for admins");
        assertEquals(403, Http.getWithToken(broker("api/users"), userToken).statusCode(), "so are users");
        assertEquals(401, Http.get(broker("api/status")).statusCode());
        assertEquals(200, Http.get(broker("health/ready")).statusCode(), "health is open");
        assertEquals(200, Http.get(broker("metrics")).statusCode(), "metrics are open");
    }

    @Test
    void aTokenIsTakenHalfAMinutePastItsExpiryAndNoLonger() throws Exception {
        var key = Tokens.privateKey(stack.secrets());
        String justExpired = Tokens.sign(
                key, Tokens.ISSUER, "late@example.com", Instant.now().minusSeconds(5), "user");
        String longExpired = Tokens.sign(
                key, Tokens.ISSUER, "later@example.com", Instant.now().minusSeconds(90), "user");

        assertEquals(200, Http.getWithToken(broker("api/me"), justExpired).statusCode(), "within the 30 s skew");
        assertEquals(401, Http.getWithToken(broker("api/me"), longExpired).statusCode(), "past it (Liberty: 5 min)");
    }

    @Test
    void theTokensOfAUserDeactivatedDemotedOrGivenANewPasswordStopWorkingWithinTheRecheckTime() throws Exception {
        String email = unique("revoked") + "@example.com";
        long id = createUser(email, true);
        String token = tokenOf(email, "a-long-enough-password");
        assertEquals(200, Http.getWithToken(broker("api/users"), token).statusCode(), "an admin's token works");

        // Demoted: the token still says admin, and no longer counts.
        String demoted = "{\"email\":\"" + email + "\",\"first_name\":\"R\",\"last_name\":\"V\",\"active\":true,"
                + "\"admin\":false}";
        assertEquals(200, send("PUT", "api/users/" + id, adminToken, demoted).statusCode());
        long refusedAfter =
                millisUntil(() -> Http.getWithToken(broker("api/me"), token).statusCode() == 401);
        assertTrue(refusedAfter <= (RECHECK_SECONDS + 2) * 1000L, "refused after " + refusedAfter + " ms");
        HttpResponse<String> refused = Http.getWithToken(broker("api/logs"), token);
        assertProblem(refused, 401, "the token was revoked");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertEquals(
                401,
                post("handle", logAction("revoked", "x"), "192.0.2.1", "Authorization", "Bearer " + token)
                        .statusCode(),
                "on every route that takes a token");

        // A new sign-in gives a token that works, with the groups of now.
        Thread.sleep(1100); // a token issued in the second of the revocation counts as issued before it
        String fresh = tokenOf(email, "a-long-enough-password");
        assertTrue(eventually(
                RECHECK_SECONDS + 2,
                () -> Http.getWithToken(broker("api/me"), fresh).statusCode() == 200));
        assertEquals(403, Http.getWithToken(broker("api/users"), fresh).statusCode(), "a user now, not an admin");

        // A new password set by an administrator ends the tokens given for the old one.
        assertEquals(
                200,
                send("PUT", "api/users/" + id + "/password", adminToken, "{\"password\":\"another long password\"}")
                        .statusCode());
        assertTrue(eventually(
                RECHECK_SECONDS + 2,
                () -> Http.getWithToken(broker("api/me"), fresh).statusCode() == 401));

        // Deactivated: its tokens end, and it cannot sign in for new ones.
        Thread.sleep(1100);
        String last = tokenOf(email, "another long password");
        assertEquals(
                200,
                send("POST", "api/users/" + id + "/deactivate", adminToken, null)
                        .statusCode());
        assertTrue(eventually(
                RECHECK_SECONDS + 2,
                () -> Http.getWithToken(broker("api/me"), last).statusCode() == 401));
        assertEquals(401, signInStatus(email, "another long password"));
        assertEquals(200, Http.getWithToken(broker("api/me"), userToken).statusCode(), "other users go on");
    }

    private static long createUser(String email, boolean admin) {
        String user = "{\"email\":\"" + email + "\",\"first_name\":\"R\",\"last_name\":\"V\","
                + "\"password\":\"a-long-enough-password\",\"admin\":" + admin + "}";
        HttpResponse<String> created = send("POST", "api/users", adminToken, user);
        assertEquals(201, created.statusCode(), created.body());
        return Http.object(created).getJsonNumber("id").longValue();
    }

    private static String tokenOf(String email, String password) {
        HttpResponse<String> answer = post(
                "api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", anotherClient());
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.object(answer).getString("access_token");
    }

    private static int signInStatus(String email, String password) {
        return post(
                        "api/auth/token",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                        anotherClient())
                .statusCode();
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(broker(path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request);
    }

    /** Milliseconds until the condition holds (polled), failing after 20 s. */
    private static long millisUntil(BooleanSupplier condition) throws InterruptedException {
        long started = System.nanoTime();
        assertTrue(eventually(20, condition), "never within 20 s");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    // ---- edge concerns ------------------------------------------------------------------------------------------

    @Test
    void corsAllowsOnlyTheConfiguredOrigin() {
        HttpResponse<String> allowed = Http.send(preflight(ALLOWED_ORIGIN));
        HttpResponse<String> other = Http.send(preflight("http://evil.example.test"));

        assertEquals(
                ALLOWED_ORIGIN,
                allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(
                other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                other.headers().toString());
    }

    private static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(broker("api/logs"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void requestIdsAreKeptOrMade() {
        HttpResponse<String> given = post("", "{}", "192.0.2.1", "X-Request-Id", "trace-me-123");
        HttpResponse<String> made = post("", "{}", "192.0.2.1");

        assertEquals("trace-me-123", given.headers().firstValue("X-Request-Id").orElse(null));
        assertTrue(made.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"));
    }

    @Test
    void signInsPerClientAreRateLimitedBeforeAuthIsAsked() {
        String client = "198.51.100.200";
        String body = signIn(stack.secrets().adminPassword());
        for (int i = 0; i < SIGN_IN_LIMIT; i++) {
            assertEquals(202, post("handle", body, client).statusCode());
        }
        double signInsBefore = metric(Service.AUTH, "auth_signins_total");

        HttpResponse<String> limited = post("handle", body, client);

        assertProblem(limited, 429, "too many sign-ins");
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertEquals(signInsBefore, metric(Service.AUTH, "auth_signins_total"), "auth was not asked");
        assertEquals(202, post("handle", body, "198.51.100.201").statusCode(), "other clients go on");
    }

    @Test
    void requestsAreCountedByRouteAndOutcomeAndTimedByRoute() {
        List<String> logged = List.of("route=\"POST /log-grpc\"", "outcome=\"ok\"");
        List<String> refused = List.of("route=\"POST /log-grpc\"", "outcome=\"refused\"");
        List<String> timed = List.of(
                "class=\"dev.jmicro.broker.original.boundary.OriginalResource\"",
                "method=\"logOverGrpc_dev.jmicro.broker.original.boundary.HandleRequest_java.lang.String\"");
        double loggedBefore = metric(Service.BROKER, "broker_requests_total", logged);
        double refusedBefore = metric(Service.BROKER, "broker_requests_total", refused);
        double timedBefore = metric(Service.BROKER, "REST_request_seconds_count", timed);

        assertEquals(
                202,
                post("log-grpc", logAction(unique("metrics"), "counted"), "192.0.2.1")
                        .statusCode());
        assertEquals(400, post("log-grpc", "{\"action\":\"log\"}", "192.0.2.1").statusCode());

        assertEquals(loggedBefore + 1, metric(Service.BROKER, "broker_requests_total", logged));
        assertEquals(refusedBefore + 1, metric(Service.BROKER, "broker_requests_total", refused));
        assertEquals(
                timedBefore + 2, metric(Service.BROKER, "REST_request_seconds_count", timed), "both timed by route");
        // Off in the broker (server.xml <monitor filter>): they timed every request twice more, ~7 % of its CPU.
        assertEquals(0, metric(Service.BROKER, "servlet_request_total"), "no per-servlet statistics");
        assertEquals(0, metric(Service.BROKER, "http_server_request_duration_seconds_count"), "nor per-URL ones");
    }

    @Test
    void aClientCannotEscapeTheSignInLimitByNamingItself() {
        // Behind a trusted proxy, a client sends its own X-Forwarded-For, a new address each time; the proxy appends
        // the address it saw. That one is no trusted proxy, so none of the header is believed: the proxy's address
        // (this test's, loopback) counts, and the made-up addresses buy no further tries.
        String body = signIn(stack.secrets().adminPassword());
        String seenByTheProxy = "198.51.100.230";
        for (int i = 0; i < SIGN_IN_LIMIT; i++) {
            assertEquals(
                    202,
                    post("handle", body, anotherClient() + ", " + seenByTheProxy)
                            .statusCode());
        }

        assertProblem(post("handle", body, anotherClient() + ", " + seenByTheProxy), 429, "too many sign-ins");
        assertEquals(202, post("handle", body, seenByTheProxy).statusCode(), "the client, named by the proxy alone");
    }

    // ---- a dependency down: a fast 503 naming it, the circuit opens, and closes again once it is back -----------

    @Test
    void mailDownIsAFast503AndRecovers() throws Exception {
        assertDownAndRecovered(Service.MAIL, "mail", () -> handle(mailAction(unique("down") + "@example.com", "s")));
    }

    @Test
    void authDownIsAFast503AndRecovers() throws Exception {
        // Each try from another client: the broker's own sign-in rate limit must not answer first.
        assertDownAndRecovered(
                Service.AUTH,
                "auth",
                () -> post("handle", signIn(stack.secrets().adminPassword()), anotherClient()));
    }

    @Test
    void loggerDownIsAFast503ForGrpcWritesAndReads() throws Exception {
        assertDownAndRecovered(Service.LOGGER, "logger", () -> post("log-grpc", logAction("down", "x"), "192.0.2.1"));
        assertEquals(200, Http.getWithToken(broker("api/logs"), userToken).statusCode(), "reads are back too");
    }

    @Test
    void theMessageBrokerDownIsAFast503AndRecovers() throws Exception {
        AmqpBacking amqp = stack.backing(AmqpBacking.class).orElseThrow();
        amqp.pause();
        try {
            HttpResponse<String> down = timed(() -> handle(logAction("amqp-down", "x")));
            assertProblem(down, 503, "amqp is unavailable");
        } finally {
            amqp.resume();
        }
        assertTrue(
                eventually(30, () -> handle(logAction(unique("amqp-back"), "x")).statusCode() == 202),
                "writes go through again");
    }

    @Test
    void aMailServiceThatStopsAnsweringIsA503WithinItsTimeoutAndTheCircuitOpensAndClosesAgain() throws Exception {
        // Frozen (SIGSTOP): it keeps its port and accepts connections, but answers nothing, as a very slow server.
        stack.pause(Service.MAIL);
        boolean resumed = false;
        try {
            String detail = "";
            for (int i = 0; i < 45 && !detail.contains("circuit open"); i++) {
                // Each try ends at the 1 s timeout (the read timeout matches it); the send is tried twice.
                long started = System.nanoTime();
                HttpResponse<String> answer = handle(mailAction(unique("slow") + "@example.com", "s"));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(millis < 2600, "answered in " + millis + " ms: " + answer.body());
                assertProblem(answer, 503, "mail is unavailable");
                detail = Http.object(answer).getString("detail");
            }
            assertTrue(detail.contains("circuit open"), detail);
            stack.resume(Service.MAIL);
            resumed = true;
        } finally {
            if (!resumed) {
                stack.resume(Service.MAIL);
            }
        }
        assertTrue(
                eventually(
                        30,
                        () -> handle(mailAction(unique("fast") + "@example.com", "s"))
                                        .statusCode()
                                == 202),
                "answering again: the circuit closed by itself");
    }

    private void assertDownAndRecovered(
            Service service, String name, java.util.function.Supplier<HttpResponse<String>> call) throws Exception {
        stack.stop(service);
        try {
            // Each answer a fast 503 naming the dependency, until the circuit opens (3 of the last 4 x 10 calls
            // failed).
            String detail = "";
            for (int i = 0; i < 45 && !detail.contains("circuit open"); i++) {
                HttpResponse<String> answer = timed(call);
                assertProblem(answer, 503, name + " is unavailable");
                detail = Http.object(answer).getString("detail");
            }
            assertTrue(detail.contains("circuit open"), detail);
            assertTrue(metric(Service.BROKER, "ft_circuitbreaker_opened_total") >= 1, "counted as opened");
            HttpResponse<String> status = Http.getWithToken(broker("api/status"), userToken);
            assertTrue(
                    status.body().contains("\"name\":\"" + name + "\",\"status\":\"UNREACHABLE\"")
                            || Http.object(status).getJsonArray("services").getValuesAs(JsonObject.class).stream()
                                    .anyMatch(s -> s.getString("name").equals(name)
                                            && s.getString("status").equals("UNREACHABLE")),
                    status.body());
        } finally {
            stack.restart(service);
        }
        assertTrue(eventually(30, () -> call.get().statusCode() == 202), name + ": the circuit closed by itself");
    }

    /** The answer, checked to have come within about a second. */
    private static HttpResponse<String> timed(java.util.function.Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        HttpResponse<String> answer = call.get();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < 1500, "answered in " + millis + " ms: " + answer.body());
        return answer;
    }
}
