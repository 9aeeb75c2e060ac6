package it.dev.jmicro.auth;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static dev.jmicro.localstack.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.backing.PostgresBacking;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Receiver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The auth service on its real Liberty server with a real PostgreSQL, started by the local-stack harness: the embedded
 * one, or the server named by {@code -Dit.postgres.url} (CI: the machine's), in a scratch database dropped afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthIT {

    @RegisterExtension
    static final TestStack STACK = AuthStack.STACK;

    private static LocalStack stack;
    private static PostgresBacking postgres;

    @BeforeAll
    static void start() throws Exception {
        stack = STACK.stack();
        postgres = stack.backing(PostgresBacking.class).orElseThrow();
        insertUser("legacy@example.com", "Old", "Timer", hashLikeTheOriginal("legacy-secret"), true);
        insertUser("gone@example.com", "Former", "Staff", hashLikeTheOriginal("gone-secret"), false);
        insertUser("timing@example.com", "Tim", "Ing", hashLikeTheOriginal("timing-secret"), true);
        insertUser("locked@example.com", "Lou", "Locked", hashLikeTheOriginal("locked-secret"), true);
    }

    private static URI url(String path) {
        return stack.server(Service.AUTH).url().resolve(path);
    }

    private static HttpResponse<String> authenticate(String email, String password) {
        return Http.postJson(
                url("authenticate"),
                Bodies.object("email", email, "password", password).toString());
    }

    /** The same, as forwarded by a proxy (the broker) for the given client address. */
    private static HttpResponse<String> authenticateFrom(String client, String email, String password) {
        return Http.postJson(
                url("authenticate"),
                Bodies.object("email", email, "password", password).toString(),
                "X-Forwarded-For",
                client);
    }

    /** The original system's hashes were made by Go's bcrypt at cost 12: $2a$; PHP-era tables hold $2y$. */
    private static String hashLikeTheOriginal(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(12, password.toCharArray());
    }

    private static String storedHash(String email) throws SQLException {
        try (Connection db = database();
                PreparedStatement select = db.prepareStatement("select password from users where email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), email + " is stored");
                return rows.getString(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    private static void insertUser(String email, String first, String last, String hash, boolean active)
            throws SQLException {
        try (Connection db = database();
                PreparedStatement insert = db.prepareStatement("insert into users (email, first_name, last_name,"
                        + " password, user_active) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, email);
            insert.setString(2, first);
            insert.setString(3, last);
            insert.setString(4, hash);
            insert.setBoolean(5, active);
            insert.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = database();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theSeededAdminSignsInWithTheOriginalContract() {
        HttpResponse<String> answer =
                authenticate(LocalStack.ADMIN_EMAIL, stack.secrets().adminPassword());

        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject body = Http.object(answer);
        assertFalse(body.getBoolean("error"));
        assertEquals("Logged in user " + LocalStack.ADMIN_EMAIL, body.getString("message"));
        JsonObject user = body.getJsonObject("data");
        assertEquals(LocalStack.ADMIN_EMAIL, user.getString("email"));
        assertEquals(
                Set.of("id", "email", "first_name", "last_name", "active", "created_at", "updated_at"),
                user.keySet(),
                "exactly the original user object");
        assertTrue(user.getBoolean("active"));
        assertFalse(answer.body().contains("$2"), "no hash in the answer");
    }

    @Test
    void aHashFromTheOriginalTableVerifiesAndTheAddressIsFoundWhateverItsCase() {
        HttpResponse<String> answer = authenticate("LEGACY@Example.com", "legacy-secret");

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals("Old", Http.object(answer).getJsonObject("data").getString("first_name"));
    }

    @Test
    void aHashWeakerThanTheConfiguredCostIsReplacedAtTheNextSignIn() throws SQLException {
        String weak = BCrypt.withDefaults().hashToString(4, "weakly-hashed".toCharArray());
        insertUser("weak@example.com", "Wea", "K", weak, true);

        assertEquals(202, authenticate("weak@example.com", "weakly-hashed").statusCode());

        String upgraded = storedHash("weak@example.com");
        assertTrue(upgraded.startsWith("$2a$12$"), upgraded);
        assertTrue(BCrypt.verifyer().verify("weakly-hashed".toCharArray(), upgraded).verified);
        assertEquals(202, authenticate("weak@example.com", "weakly-hashed").statusCode());
        assertEquals(
                401,
                authenticateFrom("198.51.100.9", "weak@example.com", "wrong").statusCode(),
                "only the password");
        assertEquals(upgraded, storedHash("weak@example.com"), "a hash of the configured cost is kept");
    }

    @Test
    void aWrongPasswordAnUnknownAddressAndAnInactiveUserGetTheSame401() {
        String expected = "{\"error\":true,\"message\":\"invalid credentials\"}";
        for (HttpResponse<String> answer : new HttpResponse[] {
            authenticateFrom("198.51.100.5", "legacy@example.com", "wrong"),
            authenticateFrom("198.51.100.5", "unknown@example.com", "legacy-secret"),
            authenticateFrom("198.51.100.5", "gone@example.com", "gone-secret")
        }) {
            assertEquals(401, answer.statusCode(), answer.body());
            assertEquals(Http.json(expected), Http.json(answer.body()));
        }
    }

    @Test
    void anUnknownAddressTakesAsLongAsAWrongPassword() {
        // Five tries each: the fifth failure locks the account, after its check.
        long wrongPassword = medianMillis(() -> authenticateFrom("198.51.100.1", "timing@example.com", "wrong"));
        long unknownAddress = medianMillis(() -> authenticateFrom("198.51.100.1", "nobody@example.com", "wrong"));

        // One bcrypt check either way (~0.2 s at cost 12); without the decoy the unknown address would answer in ~1 ms.
        assertTrue(
                unknownAddress * 2 >= wrongPassword,
                "unknown address " + unknownAddress + " ms vs wrong password " + wrongPassword + " ms");
    }

    private static long medianMillis(Runnable call) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            call.run();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    authenticateFrom("198.51.100.2", "locked@example.com", "guess " + i)
                            .statusCode());
        }

        HttpResponse<String> locked = authenticateFrom("198.51.100.2", "locked@example.com", "locked-secret");
        assertEquals(429, locked.statusCode(), locked.body());
        assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) > 0, "Retry-After");
        assertTrue(Http.object(locked).getBoolean("error"));
        HttpResponse<String> noToken =
                Http.postJson(url("tokens"), "{\"email\":\"locked@example.com\",\"password\":\"locked-secret\"}");
        assertEquals(429, noToken.statusCode(), "no token either");
        assertEquals("application/problem+json", Http.contentType(noToken));

        assertEquals(
                202,
                authenticateFrom("198.51.100.2", "legacy@example.com", "legacy-secret")
                        .statusCode(),
                "other accounts from the same client are not locked");
        String metrics = Http.get(url("metrics")).body();
        assertTrue(metrics.matches("(?s).*auth_signins_total\\{[^}]*outcome=\"locked\"[^}]*} [1-9].*"), "counted");
        assertTrue(metrics.matches("(?s).*auth_lockouts_total\\{[^}]*} [1-9].*"), "lockout counted");
    }

    @Test
    void repeatedFailuresFromOneClientLockThatClientOnly() {
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    401,
                    authenticateFrom("198.51.100.3", "guess" + i + "@example.com", "x")
                            .statusCode());
        }

        assertEquals(
                429,
                authenticateFrom("198.51.100.3", "legacy@example.com", "legacy-secret")
                        .statusCode());
        assertEquals(
                202,
                authenticateFrom("198.51.100.4", "legacy@example.com", "legacy-secret")
                        .statusCode());
    }

    @Test
    void eachSignInIsPublishedAsALogEventForTheLogger() throws Exception {
        AmqpBacking amqp = stack.backing(AmqpBacking.class).orElseThrow();
        try (Client client = Client.create();
                org.apache.qpid.protonj2.client.Connection connection = client.connect(amqp.host(), amqp.port());
                Receiver events = connection.openReceiver("logs_topic.log.#::log_events")) {
            assertEquals(
                    202, authenticate("legacy@example.com", "legacy-secret").statusCode());

            long deadline = System.nanoTime() + 10_000_000_000L;
            String found = null;
            while (found == null && System.nanoTime() < deadline) {
                Delivery delivery = events.receive(1, TimeUnit.SECONDS);
                if (delivery != null) {
                    String body = new String((byte[]) delivery.message().body(), StandardCharsets.UTF_8);
                    if (body.contains("signed in: legacy@example.com")) {
                        found = body;
                        assertEquals("application/json", delivery.message().contentType());
                    }
                }
            }
            assertNotNull(found, "the event arrived");
            JsonObject event = (JsonObject) Http.json(found);
            assertEquals("authentication", event.getString("name"), "the original {name, data} format");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void readinessFollowsTheDatabaseDownAndBackUpByItself() throws Exception {
        assumeTrue(postgres.isEmbedded(), "only the embedded PostgreSQL can be stopped from a test");
        postgres.stop();
        try {
            assertTrue(
                    becomes(
                            Duration.ofSeconds(30),
                            () -> Http.get(url("health/ready")).statusCode() == 503),
                    "down without PostgreSQL");
            JsonObject down = Http.object(Http.get(url("health/ready")));
            assertTrue(
                    down.getJsonArray("checks")
                            .getJsonObject(0)
                            .getJsonObject("data")
                            .getString("postgres")
                            .startsWith("down"),
                    down.toString());
        } finally {
            postgres.start();
        }
        assertTrue(
                becomes(
                        Duration.ofSeconds(30),
                        () -> Http.get(url("health/ready")).statusCode() == 200),
                "ready again by itself");
        assertEquals(202, authenticate("legacy@example.com", "legacy-secret").statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void signInsGoOnWhileTheBrokerIsDown() throws Exception {
        stack.backing(AmqpBacking.class).orElseThrow().close();

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = authenticate("legacy@example.com", "legacy-secret");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(202, answer.statusCode(), answer.body());
            assertTrue(millis < 1500, "a sign-in does not wait for the broker: " + millis + " ms");
        }
        eventually(
                Duration.ofSeconds(15),
                () -> Http.get(url("metrics")).body().matches("(?s).*auth_events_failed_total\\{[^}]*} [1-9].*"),
                "failed publications are counted");
    }

    @Test
    void aTokenCarriesTheMicroProfileClaimsAndVerifiesWithThePublishedKey() throws Exception {
        HttpResponse<String> answer =
                Http.postJson(url("tokens"), stack.adminCredentials().toString());

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject body = Http.object(answer);
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(3600, body.getInt("expires_in"));
        SignedJWT token = SignedJWT.parse(body.getString("access_token"));

        JWKSet keys = JWKSet.parse(Http.get(url(".well-known/jwks.json")).body());
        RSAKey published = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertNotNull(published, "the token's key id is published");
        assertFalse(published.isPrivate(), "only the public half is published");
        assertTrue(token.verify(new RSASSAVerifier(published)), "signature verifies");

        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals("https://jmicro.local/auth", claims.getIssuer());
        assertEquals(LocalStack.ADMIN_EMAIL, claims.getStringClaim("upn"));
        assertTrue(claims.getStringListClaim("groups").containsAll(java.util.List.of("user", "admin")));
        assertTrue(claims.getExpirationTime().after(new Date()));
        assertNotNull(claims.getJWTID());
        assertNotNull(claims.getSubject());
    }

    @Test
    void wrongCredentialsGetNoToken() {
        HttpResponse<String> answer =
                Http.postJson(url("tokens"), "{\"email\":\"legacy@example.com\",\"password\":\"wrong\"}");

        assertEquals(401, answer.statusCode());
        assertEquals("application/problem+json", Http.contentType(answer));
        assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"email\":", 400),
                Arguments.of("two JSON values", "{\"email\":\"a@b.org\",\"password\":\"p\"}{}", 400),
                Arguments.of("missing password", "{\"email\":\"a@b.org\"}", 400),
                Arguments.of("missing email", "{\"password\":\"p\"}", 400),
                Arguments.of("not an address", "{\"email\":\"nope\",\"password\":\"p\"}", 400),
                Arguments.of(
                        "over-long address", "{\"email\":\"" + "a".repeat(250) + "@b.org\",\"password\":\"p\"}", 400),
                Arguments.of("number for a string", "{\"email\":\"a@b.org\",\"password\":12345}", 400),
                Arguments.of("array body", "[1,2]", 400),
                Arguments.of("SQL in the address", "{\"email\":\"x' or '1'='1\",\"password\":\"p\"}", 400),
                Arguments.of(
                        "body over 1 MB",
                        "{\"email\":\"a@b.org\",\"password\":\"" + "p".repeat(1_100_000) + "\"}",
                        413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithAProblemAndChangesNothing(String what, String body, int status) throws Exception {
        long users = count("select count(*) from users");

        HttpResponse<String> answer = Http.postJson(url("authenticate"), body);

        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), what);
        assertEquals(users, count("select count(*) from users"), "no user added or removed");
    }

    @Test
    void aSqlLookingButValidAddressIsJustAnUnknownUser() throws Exception {
        long users = count("select count(*) from users");

        HttpResponse<String> answer = authenticate("x'or'1'='1@example.com", "p");

        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals(users, count("select count(*) from users"));
    }

    @Test
    void aRestartOnAnExistingDatabaseMigratesNothingAndKeepsTheUsers() throws Exception {
        long users = count("select count(*) from users");

        stack.restart(Service.AUTH);

        assertEquals(
                count("select count(*) from flyway_schema_history"),
                count("select count(distinct version) from flyway_schema_history where success"),
                "each migration applied once");
        assertEquals(1, count("select count(*) from flyway_schema_history where version = '1'"), "V1 applied once");
        assertEquals(users, count("select count(*) from users"), "users kept, admin not seeded twice");
        assertEquals(202, authenticate("legacy@example.com", "legacy-secret").statusCode());
    }
}
