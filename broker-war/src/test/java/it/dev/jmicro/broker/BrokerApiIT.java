package it.dev.jmicro.broker;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static dev.jmicro.localstack.testing.Eventually.staysSo;
import static it.dev.jmicro.broker.BrokerStack.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker's own API: a token from sign-in opens it; log writes are stored once per key and found; mails sent;
 * users administered; every service's status; encryption in the original style and through the API.
 */
class BrokerApiIT {

    @RegisterExtension
    static final TestStack STACK = BrokerStack.STACK;

    @Test
    void aTokenFromSignInOpensTheApi() {
        HttpResponse<String> token =
                post("api/auth/token", stack().adminCredentials().toString(), "192.0.2.2");
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
        String entry = Bodies.object("name", name, "data", "written twice", "level", "warning")
                .toString();

        HttpResponse<String> first =
                post("api/logs", entry, "192.0.2.3", "Authorization", "Bearer " + userToken(), "Idempotency-Key", key);
        HttpResponse<String> second =
                post("api/logs", entry, "192.0.2.3", "Authorization", "Bearer " + userToken(), "Idempotency-Key", key);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, second.statusCode(), second.body());
        assertEquals(key, Http.object(first).getString("key"));
        assertTrue(becomes(Duration.ofSeconds(20), () -> storedNamed(name) == 1));
        staysSo(Duration.ofMillis(500), () -> storedNamed(name) == 1, "the same key is stored once");
        HttpResponse<String> found = Http.getWithToken(broker("api/logs?name=" + name), userToken());
        assertEquals(200, found.statusCode(), found.body());
        JsonObject page = Http.object(found);
        assertEquals(1, page.getInt("total"), "the same key is stored once");
        JsonObject stored = page.getJsonArray("items").getJsonObject(0);
        assertEquals("WARNING", stored.getString("level"));
        HttpResponse<String> one = Http.getWithToken(broker("api/logs/" + stored.getString("id")), userToken());
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(name, Http.object(one).getString("name"));
    }

    @Test
    void theLoggersRefusalsAreRelayed() {
        assertProblem(Http.getWithToken(broker("api/logs?size=5000"), userToken()), 400, "");
        assertProblem(Http.getWithToken(broker("api/logs/not-an-id"), userToken()), 400, "");
    }

    @Test
    void badMailsAreRefusedBeforeTheMailServiceIsAsked() {
        double before = metric(Service.MAIL, "mail_accepted_total");
        for (String fields : List.of("[\"x\"]", "{\"name\":null}", "{\"Name\":\"x\"}")) {
            assertProblem(
                    post(
                            "api/mails",
                            "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\",\"fields\":" + fields + "}",
                            "192.0.2.4",
                            "Authorization",
                            "Bearer " + userToken()),
                    400,
                    "fields");
        }
        assertEquals(before, metric(Service.MAIL, "mail_accepted_total"), "the mail service was not asked");
    }

    @Test
    void aMailIsSentThroughTheApi() throws Exception {
        String to = unique("api-mail") + "@example.com";

        HttpResponse<String> answer = post(
                "api/mails",
                Bodies.object("to", to, "subject", "Welcome", "message", "Hi", "template", "default")
                        .toString(),
                "192.0.2.4",
                "Authorization",
                "Bearer " + userToken());

        assertEquals(202, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(broker("api/mails/").toString()), location);
        assertTrue(becomes(Duration.ofSeconds(20), () -> mailsTo(to) == 1));
        HttpResponse<String> delivery = Http.getWithToken(URI.create(location), userToken());
        assertEquals(200, delivery.statusCode(), delivery.body());
    }

    @Test
    void adminsManageUsersThroughTheBroker() {
        String email = unique("user") + "@example.com";
        HttpResponse<String> created = post(
                "api/users",
                Bodies.object(
                                "email",
                                email,
                                "first_name",
                                "New",
                                "last_name",
                                "User",
                                "password",
                                "a long enough password")
                        .toString(),
                "192.0.2.5",
                "Authorization",
                "Bearer " + adminToken());
        assertEquals(201, created.statusCode(), created.body());
        long id = Http.object(created).getJsonNumber("id").longValue();
        assertEquals(
                broker("api/users/" + id).toString(),
                created.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> deactivated =
                post("api/users/" + id + "/deactivate", "", "192.0.2.5", "Authorization", "Bearer " + adminToken());
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(Http.object(deactivated).getBoolean("active"));
        HttpResponse<String> list = Http.getWithToken(broker("api/users?size=100"), adminToken());
        assertTrue(list.body().contains(email), list.body());
    }

    @Test
    void statusShowsEveryServiceWithItsVersion() {
        HttpResponse<String> answer = Http.getWithToken(broker("api/status"), userToken());

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject status = Http.object(answer);
        assertEquals("UP", status.getString("status"), answer.body());
        assertEquals(5, status.getJsonArray("services").size());
        status.getJsonArray("services").getValuesAs(JsonObject.class).forEach(service -> {
            assertEquals("UP", service.getString("status"), service.toString());
            assertNotNull(service.getString("version"), service.toString());
        });
    }

    private static HttpResponse<String> handleWithToken(String json, String token) {
        return post("handle", json, "192.0.2.1", "Authorization", "Bearer " + token);
    }

    @Test
    void encryptAndDecryptWorkInTheOriginalStyleWithAToken() {
        HttpResponse<String> sealed = handleWithToken(
                "{\"action\":\"encrypt\",\"encrypt\":{\"plaintext\":\"pay Bob 5\",\"associated_data\":\"order-7\"}}",
                userToken());
        assertEquals(202, sealed.statusCode(), sealed.body());
        JsonObject envelope = Http.object(sealed);
        assertFalse(envelope.getBoolean("error"));
        assertEquals("encrypted", envelope.getString("message"));
        String ciphertext = envelope.getJsonObject("data").getString("ciphertext");
        assertTrue(ciphertext.startsWith("jm1.default."), ciphertext);

        HttpResponse<String> opened = handleWithToken(
                Bodies.object(
                                "action",
                                "decrypt",
                                "decrypt",
                                Bodies.object("ciphertext", ciphertext, "associated_data", "order-7"))
                        .toString(),
                userToken());
        assertEquals(202, opened.statusCode(), opened.body());
        assertEquals("decrypted", Http.object(opened).getString("message"));
        assertEquals("pay Bob 5", Http.object(opened).getJsonObject("data").getString("plaintext"));

        HttpResponse<String> otherContext = handleWithToken(
                Bodies.object(
                                "action",
                                "decrypt",
                                "decrypt",
                                Bodies.object("ciphertext", ciphertext, "associated_data", "order-8"))
                        .toString(),
                userToken());
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
                "api/crypto/encrypt",
                "{\"plaintext\":\"über\"}",
                "192.0.2.1",
                "Authorization",
                "Bearer " + userToken());
        assertEquals(200, sealed.statusCode(), sealed.body());
        String ciphertext = Http.object(sealed).getString("ciphertext");
        HttpResponse<String> opened = post(
                "api/crypto/decrypt",
                Bodies.object("ciphertext", ciphertext).toString(),
                "192.0.2.1",
                "Authorization",
                "Bearer " + userToken());
        assertEquals(200, opened.statusCode(), opened.body());
        assertEquals("über", Http.object(opened).getString("plaintext"));
        assertTrue(Http.object(opened).getBoolean("newest"));

        HttpResponse<String> keys = Http.getWithToken(broker("api/crypto/keys"), userToken());
        assertEquals(200, keys.statusCode(), keys.body());
        assertEquals(1, Http.object(keys).getJsonArray("default").getInt(0), keys.body());

        assertProblem(
                post(
                        "api/crypto/encrypt",
                        "{\"plaintext\":\"x\",\"key\":\"payroll\"}",
                        "192.0.2.1",
                        "Authorization",
                        "Bearer " + userToken()),
                400,
                "there is no key named");
    }

    @Test
    void badCryptoInputIsRefusedBeforeAuthIsAsked() {
        double before = metric(Service.AUTH, "auth_crypto_operations_total");
        assertProblem(handleWithToken("{\"action\":\"encrypt\"}", userToken()), 400, "needs a \"encrypt\" object");
        assertProblem(handleWithToken("{\"action\":\"decrypt\",\"decrypt\":{}}", userToken()), 400, "ciphertext");
        assertProblem(
                handleWithToken(
                        "{\"action\":\"encrypt\",\"encrypt\":{\"plaintext\":\"" + "x".repeat(65_537) + "\"}}",
                        userToken()),
                400,
                "plaintext");
        assertProblem(
                post(
                        "api/crypto/encrypt",
                        "{\"plaintext\":\"x\",\"key\":\"../etc\"}",
                        "192.0.2.1",
                        "Authorization",
                        "Bearer " + userToken()),
                400,
                "key");
        assertEquals(before, metric(Service.AUTH, "auth_crypto_operations_total"), "auth was not asked");
    }
}
