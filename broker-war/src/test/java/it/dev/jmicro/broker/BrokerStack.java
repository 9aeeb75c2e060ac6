package it.dev.jmicro.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.LocalStack;
import dev.jmicro.localstack.Service;
import dev.jmicro.localstack.StackOptions;
import dev.jmicro.localstack.backing.SmtpBacking;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Tokens;
import dev.jmicro.localstack.testing.TestStack;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The stack every broker test class shares, started once for all of them: the broker on its real Liberty server in
 * front of the real auth, logger, listener and mail servers, with embedded PostgreSQL, MongoDB, Artemis and SMTP; and
 * what the tests ask of it.
 */
final class BrokerStack {

    static final String ALLOWED_ORIGIN = "http://app.example.test";
    static final int SIGN_IN_LIMIT = 5;
    /** How old the broker's copy of auth's token revocations may be. */
    static final int RECHECK_SECONDS = 2;

    static final TestStack STACK = TestStack.shared(StackOptions.forTests("broker-war/target/it-stack")
            .services(Set.of(Service.BROKER, Service.AUTH, Service.LOGGER, Service.LISTENER, Service.MAIL))
            .zipkin(false)
            .setting(Service.BROKER, "BROKER_STATUS_SERVICES", "broker,auth,logger,listener,mail")
            .setting(Service.BROKER, "CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN)
            .setting(Service.BROKER, "BROKER_SIGNIN_RATE_LIMIT", Integer.toString(SIGN_IN_LIMIT))
            // The tests stand in for several clients by saying who they are, as a proxy in front would.
            .setting(Service.BROKER, "BROKER_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
            .setting(Service.BROKER, "BROKER_TOKENS_RECHECK_SECONDS", Integer.toString(RECHECK_SECONDS))
            // Circuits open after 6 failures in the last 8 calls instead of 30 in 40 (MP Config's name for
            // CircuitBreaker/requestVolumeThreshold): the same behaviour, without a frozen mail service's 1 s
            // timeouts filling half a minute of every build.
            .setting(Service.BROKER, "CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "8"));

    private BrokerStack() {}

    static LocalStack stack() {
        return STACK.stack();
    }

    /** A token of the seeded administrator, signed with the stack's key as auth signs them. */
    static String adminToken() {
        return Tokens.signed(stack().secrets(), LocalStack.ADMIN_EMAIL, "user", "admin");
    }

    /** A token of a user without administration rights. */
    static String userToken() {
        return Tokens.signed(stack().secrets(), "reader@example.com", "user");
    }

    static URI broker(String path) {
        return stack().server(Service.BROKER).url().resolve(path);
    }

    /** A POST to the broker as a client at {@code client} (X-Forwarded-For, believed from loopback in this setup). */
    static HttpResponse<String> post(String path, String json, String client, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(broker(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request);
    }

    static HttpResponse<String> handle(String json) {
        return post("handle", json, "192.0.2.1");
    }

    static String signIn(String password) {
        return Bodies.object(
                        "action", "auth", "auth", Bodies.object("email", LocalStack.ADMIN_EMAIL, "password", password))
                .toString();
    }

    static String logAction(String name, String data) {
        return Bodies.object("action", "log", "log", Bodies.object("name", name, "data", data))
                .toString();
    }

    static String mailAction(String to, String subject) {
        return Bodies.object(
                        "action",
                        "mail",
                        "mail",
                        Bodies.object(
                                "from",
                                "broker-it@example.com",
                                "to",
                                to,
                                "subject",
                                subject,
                                "message",
                                "Hello from the broker test"))
                .toString();
    }

    static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /** A client address no other request used. */
    static String anotherClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Entries of one name as the logger has them, read straight from the logger. */
    static long storedNamed(String name) {
        HttpResponse<String> page = Http.getWithToken(
                stack().server(Service.LOGGER).url().resolve("logs?size=200&name=" + name), adminToken());
        assertEquals(200, page.statusCode(), page.body());
        return Http.object(page).getJsonNumber("total").longValue();
    }

    static long mailsTo(String address) {
        SmtpBacking smtp = stack().backing(SmtpBacking.class).orElseThrow();
        return smtp.received().stream().filter(mail -> isTo(mail, address)).count();
    }

    static boolean isTo(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients() != null
                    && Stream.of(mail.getAllRecipients())
                            .anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    static double metric(Service service, String name) {
        return stack().server(service).metric(name);
    }

    /** Over the series that carry each label, e.g. {@code route="POST /handle"}. */
    static double metric(Service service, String name, List<String> labels) {
        return stack().server(service).metric(name, labels);
    }

    /** Requests the application of each downstream service has served: proof that a call was, or was not, made. */
    static Map<Service, Double> downstreamRequests() {
        return Map.of(
                Service.AUTH, metric(Service.AUTH, "auth_signins_total"),
                Service.MAIL,
                        (double) stack().backing(SmtpBacking.class)
                                        .orElseThrow()
                                        .received()
                                        .size()
                                + metric(Service.MAIL, "mail_accepted_total"),
                Service.LOGGER, metric(Service.LOGGER, "logger_entries_stored_total"),
                Service.LISTENER, metric(Service.LISTENER, "listener_events_consumed_total"));
    }

    static void assertProblem(HttpResponse<String> answer, int status, String detailPart) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), answer.body());
        JsonObject problem = Http.object(answer);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(detailPart), problem.toString());
    }
}
