package it.dev.jmicro.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Progress;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin endpoints and the own-password endpoint, with real tokens from the service and forged ones. */
class UserAdminIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalStack stack;
    private static String adminToken;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(
                StackOptions.forTests("auth-war/target/it-admin")
                        .services(Set.of(Service.AUTH))
                        .zipkin(false)
                        .build(),
                Progress.toStdout());
        adminToken = token(LocalStack.ADMIN_EMAIL, stack.secrets().adminPassword());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static URI url(String path) {
        return stack.server(Service.AUTH).url().resolve(path);
    }

    private static String token(String email, String password) {
        HttpResponse<String> answer =
                Http.postJson(url("tokens"), "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.object(answer).getString("access_token");
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newUserJson(String email, String password) {
        return "{\"email\":\"" + email + "\",\"first_name\":\"Nia\",\"last_name\":\"New\",\"password\":\"" + password
                + "\"}";
    }

    @Test
    void anAdministratorManagesAUserFromCreationToDeletion() throws Exception {
        HttpResponse<String> created =
                call("POST", "users", adminToken, newUserJson("nia@example.com", "long enough pw"));
        assertEquals(201, created.statusCode(), created.body());
        long id = Http.object(created).getJsonNumber("id").longValue();
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/users/" + id));

        assertEquals(
                409,
                call("POST", "users", adminToken, newUserJson("NIA@example.com", "long enough pw"))
                        .statusCode(),
                "the address is taken, whatever its case");
        assertEquals(
                "Nia", Http.object(call("GET", "users/" + id, adminToken, null)).getString("first_name"));
        assertEquals(
                202,
                Http.postJson(url("authenticate"), "{\"email\":\"nia@example.com\",\"password\":\"long enough pw\"}")
                        .statusCode(),
                "the new user signs in");

        HttpResponse<String> changed = call(
                "PUT",
                "users/" + id,
                adminToken,
                "{\"email\":\"nia@example.com\",\"first_name\":\"Nia\",\"last_name\":\"Renamed\",\"active\":true,"
                        + "\"admin\":false}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("Renamed", Http.object(changed).getString("last_name"));

        assertEquals(
                200,
                call("POST", "users/" + id + "/deactivate", adminToken, null).statusCode());
        assertEquals(
                401,
                Http.postJson(url("authenticate"), "{\"email\":\"nia@example.com\",\"password\":\"long enough pw\"}")
                        .statusCode(),
                "a deactivated user cannot sign in");

        assertEquals(204, call("DELETE", "users/" + id, adminToken, null).statusCode());
        assertEquals(404, call("GET", "users/" + id, adminToken, null).statusCode());
    }

    @Test
    void usersAreListedOnePageAtATime() throws Exception {
        call("POST", "users", adminToken, newUserJson("page1@example.com", "long enough pw"));
        call("POST", "users", adminToken, newUserJson("page2@example.com", "long enough pw"));

        JsonObject first = Http.object(call("GET", "users?page=0&size=1", adminToken, null));
        JsonObject second = Http.object(call("GET", "users?page=1&size=1", adminToken, null));

        assertEquals(1, first.getJsonArray("items").size());
        assertTrue(first.getJsonNumber("total").longValue() >= 3);
        assertTrue(
                first.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue()
                        < second.getJsonArray("items")
                                .getJsonObject(0)
                                .getJsonNumber("id")
                                .longValue(),
                "ordered by id");
        assertEquals(400, call("GET", "users?size=0", adminToken, null).statusCode());
        assertEquals(400, call("GET", "users?page=-1", adminToken, null).statusCode());
        assertEquals(400, call("GET", "users?size=101", adminToken, null).statusCode());
    }

    @Test
    void aShortPasswordOrABadAddressCreatesNobody() throws Exception {
        long before = Http.object(call("GET", "users", adminToken, null))
                .getJsonNumber("total")
                .longValue();

        assertEquals(
                400,
                call("POST", "users", adminToken, newUserJson("short@example.com", "short"))
                        .statusCode());
        assertEquals(
                400,
                call("POST", "users", adminToken, newUserJson("not-an-address", "long enough pw"))
                        .statusCode());
        assertEquals(
                400,
                call("POST", "users", adminToken, "{\"email\":\"x@example.com\"}")
                        .statusCode());

        assertEquals(
                before,
                Http.object(call("GET", "users", adminToken, null))
                        .getJsonNumber("total")
                        .longValue());
    }

    @Test
    void anAdministratorCannotDeleteOrDeactivateThemselves() throws Exception {
        String me = SignedJWT.parse(adminToken).getJWTClaimsSet().getSubject();

        assertEquals(409, call("DELETE", "users/" + me, adminToken, null).statusCode());
        assertEquals(
                409,
                call("POST", "users/" + me + "/deactivate", adminToken, null).statusCode());
    }

    @Test
    void onlyAValidAdminTokenOpensTheAdminEndpoints() throws Exception {
        call("POST", "users", adminToken, newUserJson("plain@example.com", "long enough pw"));
        String userToken = token("plain@example.com", "long enough pw");
        char[] tampered = adminToken.toCharArray();
        tampered[tampered.length - 5] = tampered[tampered.length - 5] == 'A' ? 'B' : 'A';

        HttpResponse<String> missing = call("GET", "users", null, null);
        assertEquals(401, missing.statusCode(), "no token");
        assertTrue(missing.headers().firstValue("WWW-Authenticate").isPresent(), "401 says how to authenticate");
        assertEquals(401, call("GET", "users", new String(tampered), null).statusCode(), "tampered signature");
        PrivateKey key = Tokens.privateKey(stack.secrets());
        String expired = Tokens.sign(
                key, Tokens.ISSUER, LocalStack.ADMIN_EMAIL, Instant.now().minusSeconds(600), "user", "admin");
        String foreign = Tokens.sign(
                key,
                "https://evil.example",
                LocalStack.ADMIN_EMAIL,
                Instant.now().plusSeconds(600),
                "user",
                "admin");
        assertEquals(401, call("GET", "users", expired, null).statusCode(), "expired");
        assertEquals(401, call("GET", "users", foreign, null).statusCode(), "foreign issuer");
        assertEquals(
                401,
                call(
                                "GET",
                                "users",
                                Tokens.sign(
                                        new RSAKeyGenerator(2048).generate().toPrivateKey(),
                                        Tokens.ISSUER,
                                        LocalStack.ADMIN_EMAIL,
                                        Instant.now().plusSeconds(600),
                                        "user",
                                        "admin"),
                                null)
                        .statusCode(),
                "unknown key");
        assertEquals(403, call("GET", "users", userToken, null).statusCode(), "not in the admin group");
        assertEquals(200, call("GET", "users", adminToken, null).statusCode(), "the real admin token");
    }

    @Test
    void aUserChangesTheirOwnPasswordKnowingTheCurrentOne() throws Exception {
        HttpResponse<String> created =
                call("POST", "users", adminToken, newUserJson("rotate@example.com", "first password"));
        assertEquals(201, created.statusCode(), created.body());
        String token = token("rotate@example.com", "first password");

        assertEquals(
                400,
                call(
                                "PUT",
                                "users/me/password",
                                token,
                                "{\"current_password\":\"wrong\",\"new_password\":\"second password\"}")
                        .statusCode());
        assertEquals(
                400,
                call(
                                "PUT",
                                "users/me/password",
                                token,
                                "{\"current_password\":\"first password\",\"new_password\":\"short\"}")
                        .statusCode());
        assertEquals(
                204,
                call(
                                "PUT",
                                "users/me/password",
                                token,
                                "{\"current_password\":\"first password\",\"new_password\":\"second password\"}")
                        .statusCode());

        assertEquals(
                401,
                Http.postJson(url("authenticate"), "{\"email\":\"rotate@example.com\",\"password\":\"first password\"}")
                        .statusCode());
        assertEquals(
                202,
                Http.postJson(
                                url("authenticate"),
                                "{\"email\":\"rotate@example.com\",\"password\":\"second password\"}")
                        .statusCode());
        assertEquals(
                401,
                call(
                                "PUT",
                                "users/me/password",
                                null,
                                "{\"current_password\":\"x\",\"new_password\":\"yyyyyyyyyyyyyy\"}")
                        .statusCode());
    }
}
