package it.dev.jmicro.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Secrets;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code /crypto} on the auth service's real Liberty server: round trips, key rotation while it runs, and every kind
 * of bad ciphertext and input, the last ones generated (jqwik prints each property's seed; {@code -Djqwik.seeds.
 * whenfixed} and the seed replay a failure). Every decryption refusal must be the same 400, whatever was wrong.
 */
class CryptoIT {

    private static final String NOT_DECRYPTABLE = "the ciphertext cannot be decrypted";
    /** Started by hand: jqwik runs this class, and JUnit's extensions do not reach it. */
    private static final TestStack STACK = TestStack.of(StackOptions.forTests("auth-war/target/it-crypto")
            .services(Set.of(Service.AUTH))
            .zipkin(false)
            // A changed keys file is seen within a second, so the rotation test need not wait long.
            .setting(Service.AUTH, "CRYPTO_KEYS_RELOAD_SECONDS", "1"));

    private static LocalStack stack;
    private static String token;

    @BeforeContainer
    static void start() {
        stack = STACK.start();
        token = Tokens.signed(stack.secrets(), "crypto@example.com", "user");
    }

    @AfterContainer
    static void stop() throws Exception {
        STACK.close();
    }

    // --- examples

    @Example
    void aTextComesBackAsItWentInAndEachCiphertextIsNew() {
        String text = "Grüße, 世界 😀 \"quoted\" \\ and a\nnew line";
        JsonObject first = ok(encrypt(text, null, null));
        JsonObject second = ok(encrypt(text, null, null));
        assertEquals("default", first.getString("key"));
        assertTrue(
                first.getString("ciphertext").startsWith("jm1.default." + first.getInt("version") + "."),
                first.toString());
        assertNotEquals(first.getString("ciphertext"), second.getString("ciphertext"), "a fresh nonce each time");
        // Six letters of the text: by chance in 60 characters of base64 about once in 10^9 (two letters: 1 in 70).
        assertFalse(first.getString("ciphertext").contains("quoted"), "nothing of the text shows");

        JsonObject opened = ok(decrypt(first.getString("ciphertext"), null));
        assertEquals(text, opened.getString("plaintext"));
        assertEquals("default", opened.getString("key"));
        assertEquals(first.getInt("version"), opened.getInt("version"));
        assertEquals(text, ok(decrypt(second.getString("ciphertext"), null)).getString("plaintext"));
        assertEquals(
                "",
                ok(decrypt(ok(encrypt("", null, null)).getString("ciphertext"), null))
                        .getString("plaintext"));
    }

    @Example
    void associatedDataBindsACiphertextToItsContext() {
        String ciphertext = ok(encrypt("salary 4200", null, "user:17")).getString("ciphertext");
        assertEquals("salary 4200", ok(decrypt(ciphertext, "user:17")).getString("plaintext"));
        refused(decrypt(ciphertext, "user:18"));
        refused(decrypt(ciphertext, null));
        refused(decrypt(ok(encrypt("salary 4200", null, null)).getString("ciphertext"), "user:17"));
    }

    @Example
    void everyKindOfForeignCiphertextGetsTheSameRefusal() {
        String ciphertext = ok(encrypt("the plan", null, null)).getString("ciphertext");
        String[] parts = ciphertext.split("\\.");
        for (String bad : List.of(
                ciphertext.substring(0, ciphertext.length() - 1), // truncated
                ciphertext.substring(0, ciphertext.lastIndexOf('.') + 3), // truncated to less than a nonce
                "jm1.default.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // foreign: another key's
                "jm1.default.99." + parts[3], // a version the service does not hold
                "jm1.other." + parts[2] + "." + parts[3], // a name the service does not hold
                "jm2.default." + parts[2] + "." + parts[3], // another format
                "jm1.Default." + parts[2] + "." + parts[3],
                "jm1.default.01." + parts[3],
                "jm1.default." + parts[2] + "." + parts[3] + "=", // padded: a second spelling
                "",
                "not a ciphertext")) {
            refused(decrypt(bad, null));
        }
    }

    @Example
    void badRequestsAreProblemsAndNothingIsEncrypted() {
        double encryptedBefore = encryptions("ok");
        double refusedBefore = encryptions("refused");
        assertProblem(400, "there is no key named \"payroll\"", encrypt("x", "payroll", null));
        assertProblem(400, null, encrypt("x", "Not A Name!", null));
        assertProblem(400, null, encrypt("x".repeat(65_537), null, null));
        assertProblem(400, null, encrypt("x", null, "a".repeat(1_025)));
        assertProblem(400, "plaintext is not valid Unicode", encrypt("half \uD800 a pair", null, null));
        assertProblem(400, "associated_data is not valid Unicode", encrypt("x", null, "\uDC00"));
        assertProblem(400, null, post("crypto/encrypt", "{}"));
        assertProblem(400, null, post("crypto/encrypt", "{\"plaintext\":5}"));
        assertProblem(400, null, post("crypto/encrypt", "{\"plaintext\":\"a\",\"plaintext\":\"b\"}"));
        assertProblem(400, null, post("crypto/encrypt", "[\"plaintext\"]"));
        assertProblem(400, null, post("crypto/decrypt", "{\"ciphertext\":null}"));
        assertProblem(413, null, post("crypto/encrypt", "{\"plaintext\":\"" + "x".repeat(1_100_000) + "\"}"));
        assertEquals(encryptedBefore, encryptions("ok"), "a refused request encrypts nothing");
        assertEquals(refusedBefore + 3, encryptions("refused"), "the service's own refusals are counted");
    }

    @Example
    void onlySignedInCallersMayUseIt() {
        String body = "{\"plaintext\":\"x\"}";
        assertEquals(401, Http.postJson(url("crypto/encrypt"), body).statusCode());
        String expired = Tokens.sign(
                Tokens.privateKey(stack.secrets()),
                Tokens.ISSUER,
                "late@example.com",
                Instant.now().minusSeconds(3600),
                "user");
        assertEquals(
                401,
                Http.postJson(url("crypto/encrypt"), body, "Authorization", "Bearer " + expired)
                        .statusCode());
        assertEquals(
                403,
                Http.postJson(
                                url("crypto/encrypt"),
                                body,
                                "Authorization",
                                "Bearer " + Tokens.signed(stack.secrets(), "nobody@example.com", "guest"))
                        .statusCode());
    }

    @Example
    void aNewKeyVersionEncryptsFromThenOnAndTheOldOneStillDecrypts() throws Exception {
        JsonObject before = ok(encrypt("sealed before the rotation", null, null));
        int oldVersion = before.getInt("version");
        Files.writeString(
                stack.secrets().cryptoKeys(),
                Secrets.cryptoKey("default", oldVersion + 1) + Secrets.cryptoKey("archive", 1),
                StandardOpenOption.APPEND);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonObject after = ok(encrypt("sealed after", null, null));
        while (after.getInt("version") == oldVersion && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            after = ok(encrypt("sealed after", null, null));
        }
        assertEquals(oldVersion + 1, after.getInt("version"), "the newest version encrypts");

        JsonObject old = ok(decrypt(before.getString("ciphertext"), null));
        assertEquals("sealed before the rotation", old.getString("plaintext"));
        assertEquals(oldVersion, old.getInt("version"));
        assertFalse(old.getBoolean("newest"), "an old version says so: encrypt again to re-seal");
        assertTrue(ok(decrypt(after.getString("ciphertext"), null)).getBoolean("newest"));

        JsonObject named = ok(encrypt("filed away", "archive", null));
        assertTrue(named.getString("ciphertext").startsWith("jm1.archive.1."), named.toString());
        assertEquals(
                "filed away", ok(decrypt(named.getString("ciphertext"), null)).getString("plaintext"));

        HttpResponse<String> keys = Http.getWithToken(url("crypto/keys"), token);
        assertEquals(200, keys.statusCode());
        JsonObject listed = Http.object(keys);
        assertEquals(oldVersion + 1, listed.getJsonArray("default").size(), listed.toString());
        assertEquals(1, listed.getJsonArray("archive").getInt(0), listed.toString());
        assertNoKeyIn(keys.body());
    }

    @Example
    void nothingOfATextOrKeyReachesTheLogOrTheMetrics() throws Exception {
        String marker = "secret-marker-" + System.nanoTime();
        String ciphertext = ok(encrypt(marker, null, marker)).getString("ciphertext");
        ok(decrypt(ciphertext, marker));
        refused(decrypt(ciphertext, "wrong"));
        for (String seen : List.of(
                Http.get(url("metrics")).body(),
                Files.readString(stack.server(Service.AUTH).log()))) {
            assertFalse(seen.contains(marker), "no text");
            assertFalse(seen.contains(ciphertext.substring(20, 40)), "no ciphertext");
            assertNoKeyIn(seen);
        }
        assertTrue(
                stack.server(Service.AUTH)
                                .metric(
                                        "auth_crypto_operations_total",
                                        List.of("operation=\"decrypt\"", "outcome=\"refused\""))
                        >= 1,
                "operations by outcome");
    }

    // --- generated

    @Property(tries = 150)
    void anyTextRoundTripsOrIsRefusedAsNotUnicode(
            @ForAll @StringLength(max = 200) String text, @ForAll("contexts") String context) {
        HttpResponse<String> sealed = encrypt(text, null, context);
        if (!isValidUnicode(text)) {
            assertProblem(400, "plaintext is not valid Unicode", sealed);
            return;
        }
        assertEquals(200, sealed.statusCode(), sealed.body());
        String opened = ok(decrypt(Http.object(sealed).getString("ciphertext"), context))
                .getString("plaintext");
        assertEquals(text, opened);
    }

    @Property(tries = 200)
    void anyChangeToACiphertextIsRefused(
            @ForAll @StringLength(min = 1, max = 64) String seed,
            @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll("base64urlCharacters") char replacement,
            @ForAll boolean truncate) {
        String text = seed.replaceAll("\\p{Cs}", "?");
        String ciphertext = ok(encrypt(text, null, null)).getString("ciphertext");
        int at = where % ciphertext.length();
        String changed = truncate
                ? ciphertext.substring(0, at)
                : ciphertext.substring(0, at) + replacement + ciphertext.substring(at + 1);
        if (changed.equals(ciphertext)) {
            return; // the same character put back: nothing changed
        }
        refused(decrypt(changed, null));
    }

    @Property(tries = 200)
    void anyStringAsACiphertextIsRefused(@ForAll("ciphertextLike") String ciphertext) {
        refused(decrypt(ciphertext, null));
    }

    @Provide
    Arbitrary<String> contexts() {
        return Arbitraries.strings()
                .ofMaxLength(40)
                .map(s -> s.replaceAll("\\p{Cs}", "?"))
                .injectNull(0.3);
    }

    @Provide
    Arbitrary<Character> base64urlCharacters() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=");
    }

    @Provide
    Arbitrary<String> ciphertextLike() {
        Arbitrary<String> body = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMaxLength(120);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                body.map(b -> "jm1.default.1." + b),
                Arbitraries.integers()
                        .between(0, Integer.MAX_VALUE)
                        .map(v -> "jm1.default." + v + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    // --- helpers

    private static URI url(String path) {
        return stack.server(Service.AUTH).url().resolve(path);
    }

    private static HttpResponse<String> post(String path, String json) {
        return Http.postJson(url(path), json, "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> encrypt(String plaintext, String key, String associatedData) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("plaintext", plaintext);
        if (key != null) {
            body.add("key", key);
        }
        if (associatedData != null) {
            body.add("associated_data", associatedData);
        }
        return post("crypto/encrypt", escaped(body.build().toString()));
    }

    private static HttpResponse<String> decrypt(String ciphertext, String associatedData) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("ciphertext", ciphertext);
        if (associatedData != null) {
            body.add("associated_data", associatedData);
        }
        return post("crypto/decrypt", escaped(body.build().toString()));
    }

    /**
     * The JSON with every character past ASCII as a {@code \\u} escape: how a lone surrogate (not encodable as
     * UTF-8) reaches the service at all, and a check of the service's escape handling for everything else.
     */
    private static String escaped(String json) {
        StringBuilder ascii = new StringBuilder(json.length());
        json.chars().forEach(c -> ascii.append(c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return ascii.toString();
    }

    private static void assertNoKeyIn(String seen) {
        try {
            for (String line : Files.readAllLines(stack.secrets().cryptoKeys())) {
                if (line.contains("=")) {
                    assertFalse(
                            seen.contains(line.substring(line.indexOf('=') + 1).trim()), "no key material");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonObject ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.object(answer);
    }

    /** The one refusal every bad ciphertext gets: nothing in it says what was wrong. */
    private static void refused(HttpResponse<String> answer) {
        assertProblem(400, NOT_DECRYPTABLE, answer);
    }

    private static void assertProblem(int status, String detail, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), answer.body());
        if (detail != null) {
            assertEquals(detail, Http.object(answer).getString("detail"), answer.body());
        }
        assertFalse(answer.body().contains("Exception"), "no stack trace: " + answer.body());
    }

    private static double encryptions(String outcome) {
        return stack.server(Service.AUTH)
                .metric(
                        "auth_crypto_operations_total",
                        List.of("operation=\"encrypt\"", "outcome=\"" + outcome + "\""));
    }

    private static boolean isValidUnicode(String text) {
        return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }
}
