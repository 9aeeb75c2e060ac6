package dev.jmicro.system.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import dev.jmicro.system.TestStacks;
import dev.jmicro.system.fuzz.FuzzRequest.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The generated fuzz suite (jqwik): for every operation in the OpenAPI documents of the broker, auth, the logger, the
 * listener and mail, requests built from the document alone are sent to the real servers. A valid request gets a
 * status its operation documents and never a 5xx; a request that breaks one rule gets a documented 4xx
 * {@code application/problem+json} (a refused token: Liberty's bare bearer challenge, as documented); no answer holds a stack trace or a Java class name; and after all the broken
 * requests nothing stored has changed: users, log entries, mails sent. jqwik prints each property's seed; replay a
 * run with {@code -Djqwik.seeds.whenfixed=ALLOW_EXHAUSTIVE} and {@code @Property(seed = "…")}.
 */
class ApiFuzzIT {

    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |\\.java:\\d+\\)|Exception\\b|\\bdev\\.jmicro\\.|\\borg\\.(eclipse|jboss|apache)\\.|\\bjava\\.[a-z]+\\.");
    private static final Map<String, Map<Integer, Integer>> STATUSES = new ConcurrentHashMap<>();
    /** {@code -Dfuzz.survey=true}: every finding is listed at the end instead of the first failing the property. */
    private static final boolean SURVEY = Boolean.getBoolean("fuzz.survey");

    private static final Map<String, String> FINDINGS = new ConcurrentHashMap<>();

    /** Started by hand: jqwik runs this class, and JUnit's extensions do not reach it. */
    private static final TestStack STACK = TestStack.of(TestStacks.options("api-fuzz")
            .services(EnumSet.complementOf(EnumSet.of(Service.FRONTEND)))
            .zipkin(false));

    private static LocalStack stack;
    private static String adminToken;
    private static List<ApiOperation> operations;

    @BeforeContainer
    static void start() {
        stack = STACK.start();
        adminToken = Http.object(Http.postJson(
                        url(Service.AUTH, "tokens"), stack.adminCredentials().toString()))
                .getString("access_token");
        operations = new ArrayList<>();
        for (Service service : stack.services()) {
            operations.addAll(ApiOperation.readAll(
                    service.serverName(),
                    url(service, ""),
                    Http.object(Http.get(url(service, "openapi?format=JSON")))));
        }
        System.out.println("fuzzing " + operations.size() + " operations");
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("statuses seen per operation (status=count):");
        new TreeMap<>(STATUSES).forEach((operation, counts) -> System.out.println("  " + operation + " " + counts));
        new TreeMap<>(FINDINGS).forEach((where, finding) -> System.out.println("FINDING " + where + "\n" + finding));
        STACK.close();
    }

    private static URI url(Service service, String path) {
        return stack.server(service).url().resolve(path);
    }

    /**
     * Found by this suite: over an h2c upgrade, which Java's HttpClient asks for by default, Liberty answered a path
     * it refuses itself (an encoded slash) with an HTTP/2 200. Every service's endpoint speaks HTTP/1.1 only.
     */
    @Example
    void aRefusedPathIsA400EvenWhenTheClientAsksForHttp2() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (Service service : stack.services()) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(url(service, "mails/%3Cb%3E%2Fb"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), service + ": " + answer.body());
            assertEquals(HttpClient.Version.HTTP_1_1, answer.version(), service.toString());
        }
    }

    @Group
    class ValidRequests {

        @Property(tries = 700, shrinking = ShrinkingMode.BOUNDED)
        void getADocumentedStatusAndNever5xx(@ForAll("valid") FuzzRequest request) throws Exception {
            judge(request, request.send(adminToken));
        }

        @Provide
        Arbitrary<FuzzRequest> valid() {
            // A valid bulk delete (DELETE /logs?before=…) would remove the fixture's entries; it is fuzzed broken only.
            return Arbitraries.of(
                            operations.stream().filter(o -> !o.deletesInBulk()).toList())
                    .flatMap(Requests::valid);
        }
    }

    @Group
    class BrokenRequests {

        private Stored before;

        @BeforeProperty
        void takeStock() throws InterruptedException {
            before = Stored.settled(stack, adminToken);
        }

        @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED)
        void areRefusedWithADocumentedProblem(@ForAll("broken") FuzzRequest request) throws Exception {
            Answer answer = request.send(adminToken);
            judge(request, answer);
            if (!SURVEY) {
                assertTrue(answer.status() >= 400 && answer.status() < 500, "a 4xx for " + request + "\n  " + answer);
            } else if (answer.status() < 400) {
                FINDINGS.putIfAbsent(request.operation() + " accepted broken", request + "\n  " + answer);
            }
        }

        @AfterProperty
        void nothingStoredChanged() throws InterruptedException {
            assertEquals(before, Stored.settled(stack, adminToken), "what is stored after the broken requests");
        }

        @Provide
        Arbitrary<FuzzRequest> broken() {
            return Arbitraries.oneOf(operations.stream()
                    .map(Requests::broken)
                    .flatMap(Optional::stream)
                    .toList());
        }
    }

    private static void judge(FuzzRequest request, Answer answer) {
        STATUSES.computeIfAbsent(request.operation().toString(), o -> new ConcurrentHashMap<>())
                .merge(answer.status(), 1, Integer::sum);
        if (SURVEY) {
            try {
                check(request, answer);
            } catch (AssertionError finding) {
                FINDINGS.putIfAbsent(request.operation() + " " + answer.status(), finding.getMessage());
            }
        } else {
            check(request, answer);
        }
    }

    private static void check(FuzzRequest request, Answer answer) {
        assertTrue(answer.status() < 500, "no 5xx for " + request + "\n  " + answer);
        assertTrue(
                request.operation().statuses().contains(answer.status()),
                "a status " + request.operation() + " documents ("
                        + request.operation().statuses() + ") for " + request + "\n  " + answer);
        assertFalse(
                INTERNALS.matcher(answer.body()).find(), "no internals in the answer to " + request + "\n  " + answer);
        if (answer.status() == 400 && answer.contentType().startsWith("text/html") && request.pathHasRawControl()) {
            // Liberty's own refusal of an encoded control character or slash in a path, documented on the 400.
            assertTrue(answer.body().length() < 400, "one line, no page, for " + request + "\n  " + answer);
        } else if (answer.status() == 401 && answer.body().isEmpty()) {
            assertTrue(answer.challenge().startsWith("Bearer"), "a bearer challenge for " + request + "\n  " + answer);
        } else if (answer.status() >= 400) {
            assertTrue(
                    answer.contentType().startsWith("application/problem+json") || isEnvelope(answer),
                    "a problem (or the original envelope) for " + request + "\n  " + answer);
        }
    }

    /** The original contract's refusal: {@code {"error":true,"message":"…"}} as application/json. */
    private static boolean isEnvelope(Answer answer) {
        if (!answer.contentType().startsWith("application/json")) {
            return false;
        }
        try {
            JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
            return body.getBoolean("error", false) && body.get("message") instanceof JsonString;
        } catch (RuntimeException notAnObject) {
            return false;
        }
    }

    /** What a rejected request must not change: the users, the log entries and the mails sent. */
    record Stored(long users, long logs, int mails) {

        static Stored now(LocalStack stack, String token) {
            long users = Http.object(
                            Http.getWithToken(stack.server(Service.AUTH).url().resolve("users?size=1"), token))
                    .getJsonNumber("total")
                    .longValue();
            long logs = Http.object(
                            Http.getWithToken(stack.server(Service.LOGGER).url().resolve("logs?size=1"), token))
                    .getJsonNumber("total")
                    .longValue();
            int mails =
                    stack.backing(SmtpBacking.class).orElseThrow().received().size();
            return new Stored(users, logs, mails);
        }

        /** The stock once it has stayed the same for three seconds: earlier accepted writes land asynchronously. */
        static Stored settled(LocalStack stack, String token) throws InterruptedException {
            Stored last = now(stack, token);
            long stableSince = System.nanoTime();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (System.nanoTime() - stableSince < 3_000_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(500);
                Stored current = now(stack, token);
                if (!current.equals(last)) {
                    last = current;
                    stableSince = System.nanoTime();
                }
            }
            return last;
        }
    }
}
