package it.dev.jmicro.logger;

import static dev.jmicro.localstack.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.MongoBacking;
import dev.jmicro.localstack.backing.ZipkinBacking;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import dev.jmicro.logger.grpc.Log;
import dev.jmicro.logger.grpc.LogRequest;
import dev.jmicro.logger.grpc.LogServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The logger on its real Liberty server with a MongoDB wire-protocol server: the three ways to write (original REST,
 * resource REST, gRPC), idempotency, the queries, access rules, bad input and readiness. Each test writes under its
 * own entry name, so the tests do not depend on each other's data.
 */
class LoggerIT {

    @RegisterExtension
    static final TestStack STACK =
            TestStack.of(StackOptions.forTests("logger-war/target/it-stack").services(Set.of(Service.LOGGER)));

    private static LocalStack stack;
    private static String userToken;
    private static String adminToken;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() {
        stack = STACK.stack();
        userToken = Tokens.signed(stack.secrets(), "reader@example.com", "user");
        adminToken = Tokens.signed(stack.secrets(), "admin@example.com", "user", "admin");
        channel = ManagedChannelBuilder.forAddress("localhost", stack.loggerGrpcPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static URI url(String path) {
        return stack.server(Service.LOGGER).url().resolve(path);
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every entry with this name, newest first (one page of up to 200). */
    private static JsonObject entriesNamed(String name) {
        HttpResponse<String> page = Http.getWithToken(url("logs?size=200&name=" + encode(name)), userToken);
        assertEquals(200, page.statusCode(), page.body());
        return Http.object(page);
    }

    private static long countNamed(String name) {
        return entriesNamed(name).getJsonNumber("total").longValue();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String entryJson(String name, String data) {
        return Bodies.object("name", name, "data", data).toString();
    }

    @Test
    void theOriginalWriteAnswers202LoggedAndStoresTheEntry() {
        String name = unique("original");
        HttpResponse<String> answer = Http.postJson(url("log"), entryJson(name, "hello from the original"));

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals("application/json", Http.contentType(answer));
        assertEquals("{\"error\":false,\"message\":\"logged\"}", answer.body());
        JsonObject stored = entriesNamed(name).getJsonArray("items").getJsonObject(0);
        assertEquals("hello from the original", stored.getString("data"));
        assertEquals("INFO", stored.getString("level"), "the default level");
        assertEquals(stored.getString("created_at"), stored.getString("updated_at"));
        Instant created = Instant.parse(stored.getString("created_at"));
        assertTrue(Math.abs(created.toEpochMilli() - System.currentTimeMillis()) < 60_000, "a real timestamp");
    }

    @Test
    void theSameIdempotencyKeyIsStoredOnceOnEveryWritePath() {
        String name = unique("idempotent");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = Http.postJson(url("logs"), entryJson(name, "first"), "Idempotency-Key", key);
        HttpResponse<String> again = Http.postJson(url("logs"), entryJson(name, "second"), "Idempotency-Key", key);
        HttpResponse<String> original = Http.postJson(url("log"), entryJson(name, "third"), "Idempotency-Key", key);
        grpc(key, null).writeLog(request(name, "fourth"));

        assertEquals(201, first.statusCode(), first.body());
        String id = Http.object(first).getString("id");
        assertEquals(
                url("logs/" + id).toString(),
                first.headers().firstValue("Location").orElseThrow());
        assertEquals(200, again.statusCode(), "a repeated key answers with the stored entry");
        assertEquals(id, Http.object(again).getString("id"));
        assertEquals("first", Http.object(again).getString("data"), "the first write wins");
        assertEquals(202, original.statusCode());
        assertEquals(1, countNamed(name), () -> "four writes with one key, one entry: " + entriesNamed(name));
    }

    @Test
    void aBatchStoresEachKeyOnceAndSaysWhatItSkipped() {
        String name = unique("batch");
        String batch = "[{\"name\":\"" + name + "\",\"data\":\"a\",\"key\":\"k1-" + name + "\"},"
                + "{\"name\":\"" + name + "\",\"data\":\"b\",\"key\":\"k2-" + name + "\",\"level\":\"ERROR\"},"
                + "{\"name\":\"" + name + "\",\"data\":\"a again\",\"key\":\"k1-" + name + "\"}]";

        HttpResponse<String> first = Http.postJson(url("logs/batch"), batch);
        HttpResponse<String> redelivered = Http.postJson(url("logs/batch"), batch);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(2, Http.object(first).getInt("stored"));
        assertEquals(1, Http.object(first).getInt("duplicates"));
        assertEquals(0, Http.object(redelivered).getInt("stored"));
        assertEquals(3, Http.object(redelivered).getInt("duplicates"));
        assertEquals(2, countNamed(name));
    }

    @Test
    void grpcWriteLogStoresTheEntryWithTheLevelFromMetadata() {
        String name = unique("grpc");
        var response = grpc(null, "error").writeLog(request(name, "over gRPC"));

        assertEquals("logged!", response.getResult());
        JsonObject stored = entriesNamed(name).getJsonArray("items").getJsonObject(0);
        assertEquals("over gRPC", stored.getString("data"));
        assertEquals("ERROR", stored.getString("level"));
    }

    @Test
    void grpcRefusesABadEntryWithInvalidArgumentAndStoresNothing() {
        String name = unique("grpc-bad");
        StatusRuntimeException blank = assertThrows(
                StatusRuntimeException.class, () -> grpc(null, null).writeLog(request(" ", "no name")));
        StatusRuntimeException level = assertThrows(
                StatusRuntimeException.class, () -> grpc(null, "LOUD").writeLog(request(name, "bad level")));
        StatusRuntimeException huge = assertThrows(
                StatusRuntimeException.class, () -> grpc(null, null).writeLog(request(name, "x".repeat(70_000))));

        assertEquals(Status.Code.INVALID_ARGUMENT, blank.getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, level.getStatus().getCode());
        assertTrue(
                level.getStatus().getDescription().contains("log-level"),
                level.getStatus().getDescription());
        assertEquals(Status.Code.INVALID_ARGUMENT, huge.getStatus().getCode());
        assertEquals(0, countNamed(name));
    }

    @Test
    void listingIsNewestFirstAndPagesNeitherRepeatNorSkipEntries() {
        String name = unique("paging");
        for (int i = 0; i < 25; i++) {
            assertEquals(
                    202,
                    Http.postJson(url("log"), entryJson(name, "entry " + i)).statusCode());
        }
        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MAX;
        for (int page = 1; page <= 3; page++) {
            JsonObject answer =
                    Http.object(Http.getWithToken(url("logs?size=10&page=" + page + "&name=" + name), userToken));
            assertEquals(25, answer.getInt("total"));
            JsonArray items = answer.getJsonArray("items");
            assertEquals(page < 3 ? 10 : 5, items.size(), "page " + page);
            for (JsonValue item : items) {
                Instant created = Instant.parse(item.asJsonObject().getString("created_at"));
                assertFalse(created.isAfter(previous), "newest first");
                previous = created;
                assertTrue(seen.add(item.asJsonObject().getString("id")), "no entry on two pages");
            }
        }
        assertEquals(25, seen.size());
        JsonObject newest = Http.object(Http.getWithToken(url("logs?size=1&name=" + name), userToken));
        assertEquals("entry 24", newest.getJsonArray("items").getJsonObject(0).getString("data"));
    }

    @Test
    void filtersByLevelAndTimeRange() throws InterruptedException {
        String name = unique("filters");
        Http.postJson(
                url("logs"),
                Bodies.object("name", name, "data", "early", "level", "WARNING").toString());
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        Http.postJson(
                url("logs"),
                Bodies.object("name", name, "data", "late", "level", "ERROR").toString());
        Http.postJson(
                url("logs"), Bodies.object("name", name, "data", "late info").toString());

        assertEquals(List.of("early"), dataOf("logs?name=" + name + "&level=warning"));
        assertEquals(List.of("late"), dataOf("logs?name=" + name + "&level=ERROR"));
        assertEquals(List.of("late info", "late"), dataOf("logs?name=" + name + "&from=" + between));
        assertEquals(List.of("early"), dataOf("logs?name=" + name + "&to=" + between));
    }

    @Test
    void aTextIsFoundAnywhereInTheNameOrTheDataAsTypedAndNeverAsAnOperator() {
        String tag = unique("needle");
        Http.postJson(url("logs"), entryJson("in-name-" + tag + "-x", "plain"));
        Http.postJson(url("logs"), entryJson("other", "data holding " + tag + " and (.*) [a-z]+ $regex"));
        Http.postJson(url("logs"), entryJson("other", "nothing of it"));

        assertEquals(List.of("data holding " + tag + " and (.*) [a-z]+ $regex", "plain"), dataOf("logs?q=" + tag));
        assertEquals(1, dataOf("logs?q=" + tag + "&name=other").size(), "with the other filters");
        assertEquals(List.of(), dataOf("logs?q=" + tag.toUpperCase(java.util.Locale.ROOT)), "case counts");
        // Regular-expression syntax is text: ".*" finds only entries that hold those two characters.
        assertEquals(
                List.of("data holding " + tag + " and (.*) [a-z]+ $regex"),
                dataOf("logs?q=" + encode(tag + " and (.*) [a-z]+ $regex")));
        assertEquals(List.of(), dataOf("logs?q=" + encode(tag + ".*")));
        assertEquals(
                400,
                Http.getWithToken(url("logs?q=" + "x".repeat(201)), userToken).statusCode());
    }

    /** The data of the entries a query lists (all on its first page), checked against the total it reports. */
    private static List<String> dataOf(String query) {
        HttpResponse<String> answer = Http.getWithToken(url(query), userToken);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject page = Http.object(answer);
        List<String> data = page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("data"))
                .toList();
        assertEquals(data.size(), page.getInt("total"), "the total counts what the filters list: " + query);
        return data;
    }

    @Test
    void oneEntryByIdAndProblemsForUnknownAndMalformedIds() {
        HttpResponse<String> created = Http.postJson(url("logs"), entryJson(unique("by-id"), "find me"));
        String id = Http.object(created).getString("id");

        HttpResponse<String> found = Http.getWithToken(url("logs/" + id), userToken);
        HttpResponse<String> unknown = Http.getWithToken(url("logs/" + UUID.randomUUID()), userToken);
        HttpResponse<String> malformed = Http.getWithToken(url("logs/not-an-id"), userToken);

        assertEquals(200, found.statusCode());
        assertEquals("find me", Http.object(found).getString("data"));
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", Http.contentType(unknown));
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", Http.contentType(malformed));
    }

    @Test
    void readingNeedsATokenAndDeletingAnAdministrator() {
        assertEquals(401, Http.get(url("logs")).statusCode(), "no token");
        assertEquals(401, Http.getWithToken(url("logs"), userToken + "x").statusCode(), "tampered token");
        assertEquals(
                403,
                Http.deleteWithToken(url("logs?before=2000-01-01T00:00:00Z"), userToken)
                        .statusCode(),
                "a user may read but not delete");
    }

    @Test
    void anAdministratorDeletesEntriesOlderThanAGivenTime() throws InterruptedException {
        String name = unique("old");
        Http.postJson(url("log"), entryJson(name, "old one"));
        Thread.sleep(50);
        Instant cutoff = Instant.now();
        Thread.sleep(50);
        Http.postJson(url("log"), entryJson(name, "new one"));

        HttpResponse<String> deleted = Http.deleteWithToken(url("logs?before=" + cutoff), adminToken);

        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(Http.object(deleted).getJsonNumber("deleted").longValue() >= 1);
        assertEquals(List.of("new one"), dataOf("logs?name=" + name));
        assertEquals(400, Http.deleteWithToken(url("logs"), adminToken).statusCode(), "before is required");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON|log|{\"name\":\"bad-input\",",
                "two JSON values|log|{\"name\":\"bad-input\",\"data\":\"a\"}{}",
                "data of the wrong type|log|{\"name\":\"bad-input\",\"data\":42}",
                "name of the wrong type|logs|{\"name\":[\"bad-input\"],\"data\":\"x\"}",
                "missing name|log|{\"data\":\"x\"}",
                "missing data|logs|{\"name\":\"bad-input\"}",
                "unknown level|logs|{\"name\":\"bad-input\",\"data\":\"x\",\"level\":\"LOUD\"}",
                "not an array|logs/batch|{\"name\":\"bad-input\",\"data\":\"x\"}",
                "empty batch|logs/batch|[]",
                "bad entry in a batch|logs/batch|[{\"name\":\"bad-input\",\"data\":\"ok\"},{\"name\":\"\",\"data\":\"x\"}]",
            })
    void badInputIsA400ProblemAndStoresNothing(String what, String path, String body) {
        long before = countNamed("bad-input");
        HttpResponse<String> answer = Http.postJson(url(path), body);

        assertEquals(400, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), what);
        assertFalse(answer.body().contains("Exception"), what + ": no internals");
        assertEquals(before, countNamed("bad-input"), what + ": nothing stored");
    }

    @Test
    void oversizedInputIsRefusedAndStoresNothing() {
        long before = countNamed("huge");
        HttpResponse<String> hugeData = Http.postJson(url("log"), entryJson("huge", "x".repeat(70_000)));
        HttpResponse<String> hugeBody = Http.postJson(url("log"), entryJson("huge", "x".repeat(1_100_000)));
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append(entryJson("huge", "n" + i));
        }
        HttpResponse<String> hugeBatch =
                Http.postJson(url("logs/batch"), tooMany.append("]").toString());

        assertEquals(400, hugeData.statusCode(), "data over 64 KiB");
        assertEquals(413, hugeBody.statusCode(), "a body over 1 MB");
        assertEquals("application/problem+json", Http.contentType(hugeBody));
        assertEquals(400, hugeBatch.statusCode(), "more than 1000 entries in a batch");
        assertEquals(before, countNamed("huge"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "size=-1",
        "size=0",
        "size=201",
        "size=ten",
        "page=0",
        "page=-3",
        "from=yesterday",
        "to=2026-13-01T00:00:00Z",
        "level=LOUD",
        "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"
    })
    void badQueryParametersAreA400Problem(String query) {
        HttpResponse<String> answer = Http.getWithToken(url("logs?" + query), userToken);

        assertEquals(400, answer.statusCode(), query + ": " + answer.body());
        assertEquals("application/problem+json", Http.contentType(answer));
    }

    @Test
    void readinessFollowsMongoDbAndRecoversByItself() throws InterruptedException {
        MongoBacking mongo = stack.backing(MongoBacking.class).orElseThrow();
        mongo.pause();
        try {
            eventually(
                    Duration.ofSeconds(30), LoggerIT::readiness, status -> status == 503, "down while MongoDB is away");
            HttpResponse<String> write = Http.postJson(url("log"), entryJson(unique("outage"), "lost?"));
            assertEquals(503, write.statusCode(), "a write fails loudly, as the store's failure: " + write.body());
            assertEquals("application/problem+json", Http.contentType(write));
            assertTrue(write.headers().firstValue("Retry-After").isPresent(), "says when to try again");
            HttpResponse<String> read = Http.getWithToken(url("logs?size=1"), userToken);
            assertEquals(503, read.statusCode(), "so does a read: " + read.body());
        } finally {
            mongo.resume();
        }
        eventually(Duration.ofSeconds(30), LoggerIT::readiness, status -> status == 200, "up again without a restart");
        assertEquals(
                202,
                Http.postJson(url("log"), entryJson(unique("after"), "back")).statusCode());
    }

    private static int readiness() {
        return Http.status(url("health/ready"));
    }

    @Test
    void aGrpcWriteAndABatchEntryJoinTheCallersTrace() throws InterruptedException {
        String grpcTrace = UUID.randomUUID().toString().replace("-", "");
        String batchTrace = UUID.randomUUID().toString().replace("-", "");
        Metadata metadata = new Metadata();
        metadata.put(
                Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + grpcTrace + "-00f067aa0ba902b7-01");
        LogServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .writeLog(request(unique("traced"), "over gRPC"));
        Http.postJson(
                url("logs/batch"),
                "[{\"name\":\"" + unique("traced") + "\",\"data\":\"in a batch\",\"traceparent\":\"00-" + batchTrace
                        + "-00f067aa0ba902b7-01\"}]");

        assertTrue(
                spanNamesOf(grpcTrace).stream().anyMatch(name -> name.equalsIgnoreCase("logs.LogService/WriteLog")),
                "the gRPC call's server span in the caller's trace");
        assertTrue(spanNamesOf(batchTrace).contains("store log entry"), "the entry's span in its event's trace");
    }

    /** The names of the logger's spans in a trace, once Zipkin has them (empty after 30 s). */
    private static Set<String> spanNamesOf(String traceId) {
        ZipkinBacking zipkin = stack.backing(ZipkinBacking.class).orElseThrow();
        return eventually(
                Duration.ofSeconds(30),
                () -> {
                    Set<String> names = new HashSet<>();
                    zipkin.trace(traceId).forEach(span -> names.add(span.getString("name", "")));
                    return names;
                },
                names -> !names.isEmpty(),
                "spans of trace " + traceId + " in Zipkin");
    }

    private static LogServiceGrpc.LogServiceBlockingStub grpc(String key, String level) {
        Metadata metadata = new Metadata();
        if (key != null) {
            metadata.put(Metadata.Key.of("log-idempotency-key", Metadata.ASCII_STRING_MARSHALLER), key);
        }
        if (level != null) {
            metadata.put(Metadata.Key.of("log-level", Metadata.ASCII_STRING_MARSHALLER), level);
        }
        return LogServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    private static LogRequest request(String name, String data) {
        return LogRequest.newBuilder()
                .setLogEntry(Log.newBuilder().setName(name).setData(data))
                .build();
    }
}
