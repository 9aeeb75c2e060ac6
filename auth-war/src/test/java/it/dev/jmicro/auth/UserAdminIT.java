package it.dev.jmicro.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin endpoints and the own-password endpoint, with real tokens from the service and forged ones. */
class UserAdminIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    static final TestStack STACK = AuthStack.STACK;

    private static LocalStack stack;
    private static String adminToken;

    @BeforeAll
    static void start() {
        stack = STACK.stack();
        adminToken = token(LocalStack.ADMIN_EMAIL, stack.secrets().adminPassword());
    }

    private static URI url(String path) {
        return stack.server(Service.AUTH).url().resolve(path);
    }

    private static String token(String email, String password) {
        HttpResponse<String> answer = Http.postJson(
                url("tokens"),
                Bodies.object("email", email, "password", password).toString());
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
        return Bodies.object("email", email, "first_name", "Nia", "last_name", "New", "password", password)
                .toString();
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

    @Test
    void aSearchFindsUsersByAnyPartOfTheirAddressOrNameAndTakesItsTextLiterally() throws Exception {
        String odd = "{\"email\":\"percent.sign@example.com\",\"first_name\":\"Ann\",\"last_name\":\"O'Brien_100%\","
                + "\"password\":\"long enough pw\"}";
        assertEquals(201, call("POST", "users", adminToken, odd).statusCode());
        assertEquals(
                201,
                call("POST", "users", adminToken, newUserJson("obrien@example.com", "long enough pw"))
                        .statusCode());

        assertEquals(List.of("percent.sign@example.com"), emails("users?q=BRIEN_100%25"), "any case, % and _ literal");
        assertEquals(List.of("percent.sign@example.com"), emails("users?q=%25"), "% is a character, not everything");
        assertEquals(List.of("obrien@example.com"), emails("users?q=obrien%40"), "part of the address");
        assertEquals(List.of(), emails("users?q=nobody-has-this"));
        JsonObject page = Http.object(call("GET", "users?q=example.com&size=1", adminToken, null));
        assertTrue(page.getJsonNumber("total").longValue() >= 2, "total counts every match, not the page");
        assertEquals(
                400, call("GET", "users?q=" + "x".repeat(255), adminToken, null).statusCode());
    }

    @Test
    void anAdministratorSetsANewPasswordForAUserAndTheOldOneStopsWorking() throws Exception {
        HttpResponse<String> created =
                call("POST", "users", adminToken, newUserJson("forgot@example.com", "forgotten password"));
        long id = Http.object(created).getJsonNumber("id").longValue();

        HttpResponse<String> tooShort =
                call("PUT", "users/" + id + "/password", adminToken, "{\"password\":\"short\"}");
        assertEquals(400, tooShort.statusCode());
        JsonObject error = Http.object(tooShort).getJsonArray("errors").getJsonObject(0);
        assertEquals("password", error.getString("field"), "a form can show it beside its field");
        assertEquals("at least 12 characters are needed", error.getString("message"));

        HttpResponse<String> reset =
                call("PUT", "users/" + id + "/password", adminToken, "{\"password\":\"a brand new password\"}");
        assertEquals(200, reset.statusCode(), reset.body());
        assertFalse(reset.body().contains("password"), "no password or hash in the answer: " + reset.body());
        assertEquals(401, signInStatus("forgot@example.com", "forgotten password"));
        assertEquals(202, signInStatus("forgot@example.com", "a brand new password"));
        assertEquals(
                404,
                call("PUT", "users/999999/password", adminToken, "{\"password\":\"a brand new password\"}")
                        .statusCode());

        JsonObject policy = Http.object(call("GET", "users/password-policy", adminToken, null));
        assertEquals(12, policy.getInt("min_length"));
        assertEquals(200, policy.getInt("max_length"));
    }

    @Test
    void theLastActiveAdministratorCannotBeDeactivatedDemotedOrDeleted() throws Exception {
        String second = "{\"email\":\"second-admin@example.com\",\"first_name\":\"Sec\",\"last_name\":\"Ond\","
                + "\"password\":\"long enough pw\",\"admin\":true}";
        HttpResponse<String> created = call("POST", "users", adminToken, second);
        long secondId = Http.object(created).getJsonNumber("id").longValue();
        assertTrue(Http.object(created).getBoolean("admin"), "the role is part of the user");
        String secondToken = token("second-admin@example.com", "long enough pw");
        String firstId = SignedJWT.parse(adminToken).getJWTClaimsSet().getSubject();

        // The second administrator deactivates the first: allowed, one active administrator is left.
        assertEquals(
                200,
                call("POST", "users/" + firstId + "/deactivate", secondToken, null)
                        .statusCode());
        try {
            // The first one's token still works until it expires; it must not remove the last active one.
            HttpResponse<String> refused = call("POST", "users/" + secondId + "/deactivate", adminToken, null);
            assertEquals(409, refused.statusCode(), refused.body());
            assertEquals(
                    "the last active administrator cannot be deactivated",
                    Http.object(refused).getString("detail"));
            String demoted = "{\"email\":\"second-admin@example.com\",\"first_name\":\"Sec\",\"last_name\":\"Ond\","
                    + "\"active\":true,\"admin\":false}";
            assertEquals(
                    409, call("PUT", "users/" + secondId, adminToken, demoted).statusCode());
            assertEquals(
                    409, call("DELETE", "users/" + secondId, adminToken, null).statusCode());
            assertTrue(Http.object(call("GET", "users/" + secondId, secondToken, null))
                    .getBoolean("active"));
        } finally {
            String back = Bodies.object(
                            "email",
                            LocalStack.ADMIN_EMAIL,
                            "first_name",
                            "Admin",
                            "last_name",
                            "",
                            "active",
                            true,
                            "admin",
                            true)
                    .toString();
            HttpResponse<String> restored = call("PUT", "users/" + firstId, secondToken, back);
            assertEquals(200, restored.statusCode(), restored.body());
        }
        // With two active administrators again, either may remove the other.
        assertEquals(204, call("DELETE", "users/" + secondId, adminToken, null).statusCode());
    }

    private static List<String> emails(String path) throws Exception {
        return Http.object(call("GET", path, adminToken, null)).getJsonArray("items").stream()
                .map(user -> user.asJsonObject().getString("email"))
                .toList();
    }

    private static int signInStatus(String email, String password) {
        return Http.postJson(
                        url("authenticate"),
                        Bodies.object("email", email, "password", password).toString())
                .statusCode();
    }
}
