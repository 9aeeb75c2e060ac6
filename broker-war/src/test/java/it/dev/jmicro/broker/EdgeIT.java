package it.dev.jmicro.broker;

import static it.dev.jmicro.broker.BrokerStack.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.testing.TestStack;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every request meets at the broker's edge: CORS, request ids, the per-client sign-in limit, route metrics. */
class EdgeIT {

    @RegisterExtension
    static final TestStack STACK = BrokerStack.STACK;

    @Test
    void corsAllowsOnlyTheConfiguredOrigin() {
        HttpResponse<String> allowed = Http.send(preflight(ALLOWED_ORIGIN));
        HttpResponse<String> other = Http.send(preflight("http://evil.example.test"));

        assertEquals(
                ALLOWED_ORIGIN,
                allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(
                other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                other.headers().toString());
    }

    private static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(broker("api/logs"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void requestIdsAreKeptOrMade() {
        HttpResponse<String> given = post("", "{}", "192.0.2.1", "X-Request-Id", "trace-me-123");
        HttpResponse<String> made = post("", "{}", "192.0.2.1");

        assertEquals("trace-me-123", given.headers().firstValue("X-Request-Id").orElse(null));
        assertTrue(made.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"));
    }

    @Test
    void signInsPerClientAreRateLimitedBeforeAuthIsAsked() {
        String client = "198.51.100.200";
        String body = signIn(stack().secrets().adminPassword());
        for (int i = 0; i < SIGN_IN_LIMIT; i++) {
            assertEquals(202, post("handle", body, client).statusCode());
        }
        double signInsBefore = metric(Service.AUTH, "auth_signins_total");

        HttpResponse<String> limited = post("handle", body, client);

        assertProblem(limited, 429, "too many sign-ins");
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertEquals(signInsBefore, metric(Service.AUTH, "auth_signins_total"), "auth was not asked");
        assertEquals(202, post("handle", body, "198.51.100.201").statusCode(), "other clients go on");
    }

    @Test
    void requestsAreCountedByRouteAndOutcomeAndTimedByRoute() {
        List<String> logged = List.of("route=\"POST /log-grpc\"", "outcome=\"ok\"");
        List<String> refused = List.of("route=\"POST /log-grpc\"", "outcome=\"refused\"");
        List<String> timed = List.of(
                "class=\"dev.jmicro.broker.original.boundary.OriginalResource\"",
                "method=\"logOverGrpc_dev.jmicro.broker.original.boundary.HandleRequest_java.lang.String\"");
        double loggedBefore = metric(Service.BROKER, "broker_requests_total", logged);
        double refusedBefore = metric(Service.BROKER, "broker_requests_total", refused);
        double timedBefore = metric(Service.BROKER, "REST_request_seconds_count", timed);

        assertEquals(
                202,
                post("log-grpc", logAction(unique("metrics"), "counted"), "192.0.2.1")
                        .statusCode());
        assertEquals(400, post("log-grpc", "{\"action\":\"log\"}", "192.0.2.1").statusCode());

        assertEquals(loggedBefore + 1, metric(Service.BROKER, "broker_requests_total", logged));
        assertEquals(refusedBefore + 1, metric(Service.BROKER, "broker_requests_total", refused));
        assertEquals(
                timedBefore + 2, metric(Service.BROKER, "REST_request_seconds_count", timed), "both timed by route");
        // Off in the broker (server.xml <monitor filter>): they timed every request twice more, ~7 % of its CPU.
        assertEquals(0, metric(Service.BROKER, "servlet_request_total"), "no per-servlet statistics");
        assertEquals(0, metric(Service.BROKER, "http_server_request_duration_seconds_count"), "nor per-URL ones");
    }

    @Test
    void aClientCannotEscapeTheSignInLimitByNamingItself() {
        // Behind a trusted proxy, a client sends its own X-Forwarded-For, a new address each time; the proxy appends
        // the address it saw. That one is no trusted proxy, so none of the header is believed: the proxy's address
        // (this test's, loopback) counts, and the made-up addresses buy no further tries.
        String body = signIn(stack().secrets().adminPassword());
        String seenByTheProxy = "198.51.100.230";
        for (int i = 0; i < SIGN_IN_LIMIT; i++) {
            assertEquals(
                    202,
                    post("handle", body, anotherClient() + ", " + seenByTheProxy)
                            .statusCode());
        }

        assertProblem(post("handle", body, anotherClient() + ", " + seenByTheProxy), 429, "too many sign-ins");
        assertEquals(202, post("handle", body, seenByTheProxy).statusCode(), "the client, named by the proxy alone");
    }
}
