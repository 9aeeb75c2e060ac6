package it.dev.jmicro.broker;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static it.dev.jmicro.broker.BrokerStack.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens at the broker: a valid one and the right group are wanted; one is taken half a minute past its expiry; the
 * tokens of a user deactivated, demoted or given a new password stop working within the recheck time.
 */
class TokensIT {

    @RegisterExtension
    static final TestStack STACK = BrokerStack.STACK;

    @Test
    void theApiWantsAValidTokenAndTheRightGroup() throws Exception {
        var key = Tokens.privateKey(stack().secrets());
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
        String tampered = userToken().substring(0, userToken().length() - 4) + "AAAA";

        assertEquals(401, Http.get(broker("api/logs")).statusCode(), "no token");
        Map.of("expired", expired, "foreign issuer", foreign, "tampered", tampered)
                .forEach((what, bad) -> assertEquals(
                        401, Http.getWithToken(broker("api/logs"), bad).statusCode(), what));
        assertEquals(
                403,
                Http.deleteWithToken(broker("api/logs?before=2000-01-01T00:00:00Z"), userToken())
                        .statusCode(),
                "deleting is for admins");
        assertEquals(403, Http.getWithToken(broker("api/users"), userToken()).statusCode(), "so are users");
        assertEquals(401, Http.get(broker("api/status")).statusCode());
        assertEquals(200, Http.get(broker("health/ready")).statusCode(), "health is open");
        assertEquals(200, Http.get(broker("metrics")).statusCode(), "metrics are open");
    }

    @Test
    void aTokenIsTakenHalfAMinutePastItsExpiryAndNoLonger() throws Exception {
        var key = Tokens.privateKey(stack().secrets());
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
        String demoted = Bodies.object(
                        "email", email, "first_name", "R", "last_name", "V", "active", true, "admin", false)
                .toString();
        assertEquals(200, send("PUT", "api/users/" + id, adminToken(), demoted).statusCode());
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
        assertTrue(becomes(
                Duration.ofSeconds(RECHECK_SECONDS + 2),
                () -> Http.getWithToken(broker("api/me"), fresh).statusCode() == 200));
        assertEquals(403, Http.getWithToken(broker("api/users"), fresh).statusCode(), "a user now, not an admin");

        // A new password set by an administrator ends the tokens given for the old one.
        assertEquals(
                200,
                send("PUT", "api/users/" + id + "/password", adminToken(), "{\"password\":\"another long password\"}")
                        .statusCode());
        assertTrue(becomes(
                Duration.ofSeconds(RECHECK_SECONDS + 2),
                () -> Http.getWithToken(broker("api/me"), fresh).statusCode() == 401));

        // Deactivated: its tokens end, and it cannot sign in for new ones.
        Thread.sleep(1100);
        String last = tokenOf(email, "another long password");
        assertEquals(
                200,
                send("POST", "api/users/" + id + "/deactivate", adminToken(), null)
                        .statusCode());
        assertTrue(becomes(
                Duration.ofSeconds(RECHECK_SECONDS + 2),
                () -> Http.getWithToken(broker("api/me"), last).statusCode() == 401));
        assertEquals(401, signInStatus(email, "another long password"));
        assertEquals(200, Http.getWithToken(broker("api/me"), userToken()).statusCode(), "other users go on");
    }

    private static long createUser(String email, boolean admin) {
        String user = "{\"email\":\"" + email + "\",\"first_name\":\"R\",\"last_name\":\"V\","
                + "\"password\":\"a-long-enough-password\",\"admin\":" + admin + "}";
        HttpResponse<String> created = send("POST", "api/users", adminToken(), user);
        assertEquals(201, created.statusCode(), created.body());
        return Http.object(created).getJsonNumber("id").longValue();
    }

    private static String tokenOf(String email, String password) {
        HttpResponse<String> answer = post(
                "api/auth/token",
                Bodies.object("email", email, "password", password).toString(),
                anotherClient());
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.object(answer).getString("access_token");
    }

    private static int signInStatus(String email, String password) {
        return post(
                        "api/auth/token",
                        Bodies.object("email", email, "password", password).toString(),
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
        assertTrue(becomes(Duration.ofSeconds(20), condition), "never within 20 s");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
