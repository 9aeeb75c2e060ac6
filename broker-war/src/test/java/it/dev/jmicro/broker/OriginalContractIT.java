package it.dev.jmicro.broker;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static dev.jmicro.localstack.testing.Eventually.staysSo;
import static it.dev.jmicro.broker.BrokerStack.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The original system's contract through the broker: every action reaches the real service behind it (the mail the
 * SMTP server, the log entry the logger, over AMQP through the listener and over gRPC); bad input is a 4xx problem in
 * the original envelope, refused before any downstream call.
 */
class OriginalContractIT {

    @RegisterExtension
    static final TestStack STACK = BrokerStack.STACK;

    @Test
    void theRootAnswersLikeTheOriginal() {
        HttpResponse<String> answer = post("", "{}", "192.0.2.1");

        assertEquals(200, answer.statusCode());
        assertEquals(Http.json("{\"error\":false,\"message\":\"Hit the broker\"}"), Http.json(answer.body()));
    }

    @Test
    void authSignsInAndAnswersWithTheUser() {
        HttpResponse<String> answer = handle(signIn(stack().secrets().adminPassword()));

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
        assertTrue(becomes(Duration.ofSeconds(20), () -> storedNamed(name) == 1), "stored once by the listener");
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
                Http.json(Bodies.object("error", false, "message", "Message sent to " + to)
                        .toString()),
                Http.json(answer.body()));
        assertTrue(becomes(Duration.ofSeconds(20), () -> mailsTo(to) == 1), "arrived at the SMTP server");
    }

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
                // JSON-B reads an array as a map with a null key: the key needs a name.
                Arguments.of(
                        "mail with fields as an array",
                        "{\"action\":\"mail\",\"mail\":{\"to\":\"a@b.c\",\"subject\":\"s\",\"message\":\"m\","
                                + "\"fields\":[\"x\"]}}",
                        400),
                Arguments.of(
                        "mail with a field without a value",
                        "{\"action\":\"mail\",\"mail\":{\"to\":\"a@b.c\",\"subject\":\"s\",\"message\":\"m\","
                                + "\"fields\":{\"name\":null}}}",
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
        // An event published by mistake would reach the listener in this time.
        staysSo(Duration.ofMillis(300), () -> downstreamRequests().equals(before), what + ": no downstream call");
    }
}
