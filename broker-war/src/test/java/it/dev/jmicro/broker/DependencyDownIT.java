package it.dev.jmicro.broker;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static it.dev.jmicro.broker.BrokerStack.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.backing.AmqpBacking;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each dependency stopped or hung: a fast 503 naming it, the circuit opening, and closing again by itself once the
 * dependency is back.
 */
class DependencyDownIT {

    @RegisterExtension
    static final TestStack STACK = BrokerStack.STACK;

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
                () -> post("handle", signIn(stack().secrets().adminPassword()), anotherClient()));
    }

    @Test
    void loggerDownIsAFast503ForGrpcWritesAndReads() throws Exception {
        assertDownAndRecovered(Service.LOGGER, "logger", () -> post("log-grpc", logAction("down", "x"), "192.0.2.1"));
        assertEquals(200, Http.getWithToken(broker("api/logs"), userToken()).statusCode(), "reads are back too");
    }

    @Test
    void theMessageBrokerDownIsAFast503AndRecovers() throws Exception {
        AmqpBacking amqp = stack().backing(AmqpBacking.class).orElseThrow();
        amqp.pause();
        try {
            HttpResponse<String> down = timed(() -> handle(logAction("amqp-down", "x")));
            assertProblem(down, 503, "amqp is unavailable");
        } finally {
            amqp.resume();
        }
        assertTrue(
                becomes(
                        Duration.ofSeconds(30),
                        () -> handle(logAction(unique("amqp-back"), "x")).statusCode() == 202),
                "writes go through again");
    }

    @Test
    void aMailServiceThatStopsAnsweringIsA503WithinItsTimeoutAndTheCircuitOpensAndClosesAgain() throws Exception {
        // Frozen (SIGSTOP): it keeps its port and accepts connections, but answers nothing, as a very slow server.
        stack().pause(Service.MAIL);
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
            stack().resume(Service.MAIL);
            resumed = true;
        } finally {
            if (!resumed) {
                stack().resume(Service.MAIL);
            }
        }
        assertTrue(
                becomes(
                        Duration.ofSeconds(30),
                        () -> handle(mailAction(unique("fast") + "@example.com", "s"))
                                        .statusCode()
                                == 202),
                "answering again: the circuit closed by itself");
    }

    private void assertDownAndRecovered(
            Service service, String name, java.util.function.Supplier<HttpResponse<String>> call) throws Exception {
        stack().stop(service);
        try {
            // Each answer a fast 503 naming the dependency, until the circuit opens (here after 6 failures in the
            // last 8 calls: BrokerStack).
            String detail = "";
            for (int i = 0; i < 45 && !detail.contains("circuit open"); i++) {
                HttpResponse<String> answer = timed(call);
                assertProblem(answer, 503, name + " is unavailable");
                assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""), "when to try again");
                detail = Http.object(answer).getString("detail");
            }
            assertTrue(detail.contains("circuit open"), detail);
            assertTrue(metric(Service.BROKER, "ft_circuitbreaker_opened_total") >= 1, "counted as opened");
            HttpResponse<String> status = Http.getWithToken(broker("api/status"), userToken());
            assertTrue(
                    status.body().contains("\"name\":\"" + name + "\",\"status\":\"UNREACHABLE\"")
                            || Http.object(status).getJsonArray("services").getValuesAs(JsonObject.class).stream()
                                    .anyMatch(s -> s.getString("name").equals(name)
                                            && s.getString("status").equals("UNREACHABLE")),
                    status.body());
        } finally {
            stack().restart(service);
        }
        assertTrue(
                becomes(Duration.ofSeconds(30), () -> call.get().statusCode() == 202),
                name + ": the circuit closed by itself");
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
