package it.dev.jmicro.mail;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static dev.jmicro.localstack.testing.Eventually.staysSo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.jmicro.localstack.support.Bodies;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Ports;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mail service on a real Liberty server, sending to a real SMTP server (GreenMail) in this test. */
class MailServiceIT {

    private static final int SMTP_PORT = Ports.free();
    private static GreenMail smtp;
    private static MailServer mail;

    @BeforeAll
    static void start() throws Exception {
        smtp = startSmtp();
        mail = MailServer.start(
                "mail-service",
                Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(SMTP_PORT), "SMTP_ENCRYPTION", "none"));
    }

    @AfterAll
    static void stop() {
        if (mail != null) {
            mail.close();
        }
        smtp.stop();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    private static MimeMessage awaitOneMail() throws InterruptedException {
        assertTrue(becomes(Duration.ofSeconds(20), () -> smtp.getReceivedMessages().length >= 1), "a mail arrived");
        return smtp.getReceivedMessages()[0];
    }

    /** The text/plain and text/html parts of a multipart/alternative mail, in that order. */
    private static String[] parts(MimeMessage received) throws Exception {
        assertTrue(received.isMimeType("multipart/alternative"), "multipart/alternative: " + received.getContentType());
        Multipart multipart = (Multipart) received.getContent();
        assertEquals(2, multipart.getCount(), "two parts");
        BodyPart text = multipart.getBodyPart(0);
        BodyPart html = multipart.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), "first part is text/plain: " + text.getContentType());
        assertTrue(html.isMimeType("text/html"), "second part is text/html: " + html.getContentType());
        return new String[] {(String) text.getContent(), (String) html.getContent()};
    }

    @Test
    void theOriginalContractSendsBothPartsWithInlinedStylesAndEscapedText() throws Exception {
        HttpResponse<String> answer = mail.send(
                """
                {"from":"Ann Sender <ann@example.com>","to":"bob@example.com","subject":"Quarterly <report>",
                 "message":"Hello Bob,\\n<script>alert('x')</script> & \\"quotes\\""}
                """);

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals("application/json", Http.contentType(answer));
        assertEquals(Json.of("{\"error\":false,\"message\":\"sent to bob@example.com\"}"), Http.object(answer));

        MimeMessage received = awaitOneMail();
        assertEquals(new InternetAddress("Ann Sender <ann@example.com>"), received.getFrom()[0], "from");
        assertEquals("bob@example.com", received.getRecipients(Message.RecipientType.TO)[0].toString(), "to");
        assertEquals("Quarterly <report>", received.getSubject(), "subject");
        String[] parts = parts(received);
        assertTrue(parts[0].contains("<script>alert('x')</script> & \"quotes\""), "plain text as written: " + parts[0]);
        assertTrue(
                parts[1].contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                        || parts[1].contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\""),
                "message escaped in HTML: " + parts[1]);
        assertFalse(parts[1].contains("<script>"), "no live markup from the message");
        assertFalse(parts[1].contains("<style"), "no style sheet left: styles are inline");
        assertTrue(parts[1].contains("<h1 style=\"font-size: 20px;"), "heading styled inline: " + parts[1]);
        assertTrue(parts[1].contains("white-space: pre-line;"), "message paragraph styled inline");
        assertEquals("sent", mail.delivery(answer).getString("state"), "delivery recorded as sent");
    }

    @Test
    void withoutFromTheConfiguredNameAndAddressAreUsed() throws Exception {
        assertEquals(
                202,
                mail.send("{\"to\":\"bob@example.com\",\"subject\":\"s\",\"message\":\"m\"}")
                        .statusCode());

        InternetAddress from = (InternetAddress) awaitOneMail().getFrom()[0];
        assertEquals("noreply@jmicro.test", from.getAddress());
        assertEquals("jmicro tests", from.getPersonal());
    }

    @Test
    void aNamedTemplateRendersItsOwnFields() throws Exception {
        HttpResponse<String> answer = mail.send(
                """
                {"to":"ann@example.com","subject":"Welcome aboard","message":"","template":"welcome",
                 "fields":{"first_name":"Ann <3","email":"ann@example.com"}}
                """);

        assertEquals(202, answer.statusCode(), answer.body());
        String[] parts = parts(awaitOneMail());
        assertTrue(parts[0].contains("Welcome, Ann <3!"), parts[0]);
        assertTrue(parts[1].contains("Welcome, Ann &lt;3!"), parts[1]);
        assertTrue(parts[1].contains("<strong>ann@example.com</strong>"), parts[1]);
    }

    @Test
    void theSameIdempotencyKeySendsOneMail() throws Exception {
        String body = "{\"to\":\"bob@example.com\",\"subject\":\"once\",\"message\":\"only once\"}";
        HttpResponse<String> first = mail.send(body, "Idempotency-Key", "order-4711");
        awaitOneMail();
        HttpResponse<String> second = mail.send(body, "Idempotency-Key", "order-4711");

        assertEquals(202, first.statusCode());
        assertEquals(202, second.statusCode());
        assertEquals(first.headers().firstValue("Location"), second.headers().firstValue("Location"));
        staysSo(Duration.ofMillis(1500), () -> smtp.getReceivedMessages().length == 1, "one mail for one key");
    }

    static Stream<Arguments> badRequests() {
        String big = "x".repeat(1_100_000);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"to\":\"bob@example.com\",", 400, "Malformed JSON"),
                Arguments.of("two JSON values", "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\"} {}", 400, ""),
                Arguments.of("empty body", "", 400, ""),
                Arguments.of("missing to", "{\"subject\":\"s\",\"message\":\"m\"}", 400, "to:"),
                Arguments.of("missing message", "{\"to\":\"a@b.org\",\"subject\":\"s\"}", 400, "message:"),
                Arguments.of(
                        "number for a string", "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":5}", 400, "string"),
                Arguments.of(
                        "invalid address",
                        "{\"to\":\"bob at example\",\"subject\":\"s\",\"message\":\"m\"}",
                        400,
                        "not a valid e-mail address"),
                Arguments.of(
                        "invalid sender",
                        "{\"from\":\"@x\",\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\"}",
                        400,
                        "from:"),
                Arguments.of(
                        "too many recipients",
                        "{\"to\":\"" + "a@b.org,".repeat(11) + "\",\"subject\":\"s\",\"message\":\"m\"}",
                        400,
                        "at most 10 recipients"),
                Arguments.of(
                        "header injection in subject",
                        "{\"to\":\"a@b.org\",\"subject\":\"hi\\r\\nBcc: victim@b.org\",\"message\":\"m\"}",
                        400,
                        "line breaks"),
                Arguments.of(
                        "header injection in to",
                        "{\"to\":\"a@b.org\\nBcc: victim@b.org\",\"subject\":\"s\",\"message\":\"m\"}",
                        400,
                        "line breaks"),
                Arguments.of(
                        "subject too long",
                        "{\"to\":\"a@b.org\",\"subject\":\"" + "s".repeat(201) + "\",\"message\":\"m\"}",
                        400,
                        "subject:"),
                Arguments.of(
                        "message too long",
                        "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"" + "m".repeat(65537) + "\"}",
                        400,
                        "message:"),
                Arguments.of(
                        "body over 1 MB",
                        Bodies.object("to", "a@b.org", "subject", "s", "message", big)
                                .toString(),
                        413,
                        "larger than"),
                Arguments.of(
                        "unknown template",
                        "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\"," + "\"template\":\"nope\"}",
                        400,
                        "unknown template"),
                Arguments.of(
                        "template path",
                        "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\"," + "\"template\":\"../layout\"}",
                        400,
                        "template:"),
                // Found by ApiFuzzIT: JSON-B reads an array as a map with a null key, which reached the outbox.
                Arguments.of(
                        "fields as an array",
                        "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\",\"fields\":[\"x\"]}",
                        400,
                        "fields"),
                Arguments.of(
                        "a field without a value",
                        "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\",\"fields\":{\"name\":null}}",
                        400,
                        "fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithAProblemAndNothingIsSent(String what, String body, int status, String detail)
            throws Exception {
        HttpResponse<String> answer = mail.send(body);

        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", Http.contentType(answer), what);
        JsonObject problem = Http.object(answer);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(detail), what + ": " + problem.getString("detail"));
        staysSo(Duration.ofMillis(300), () -> smtp.getReceivedMessages().length == 0, "nothing sent");
        assertEquals(
                0,
                mail.readiness()
                        .getJsonArray("checks")
                        .getJsonObject(0)
                        .getJsonObject("data")
                        .getInt("backlog"),
                "nothing queued");
    }

    @Test
    void aBadIdempotencyKeyIsRefused() {
        HttpResponse<String> answer = mail.send(
                "{\"to\":\"a@b.org\",\"subject\":\"s\",\"message\":\"m\"}", "Idempotency-Key", "../../etc/passwd");

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(Http.object(answer).getString("detail").startsWith("idempotencyKey:"), answer.body());
    }

    @Test
    void whileTheSmtpServerIsDownTheMailWaitsAndIsDeliveredOnceWhenItReturns() throws Exception {
        smtp.stop();
        try {
            HttpResponse<String> answer =
                    mail.send("{\"to\":\"bob@example.com\",\"subject\":\"patience\",\"message\":\"m\"}");
            assertEquals(202, answer.statusCode(), "accepted although the SMTP server is down");

            assertTrue(
                    becomes(Duration.ofSeconds(10), () -> mail.delivery(answer).getInt("attempts") >= 2),
                    "retried: " + mail.delivery(answer));
            JsonObject waiting = mail.delivery(answer);
            assertEquals("pending", waiting.getString("state"));
            assertTrue(waiting.getString("last_error").contains("onnect"), "reason kept: " + waiting);
            JsonObject readiness = mail.readiness();
            assertEquals("UP", readiness.getString("status"), "still accepting mails");
            JsonObject data = readiness.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
            assertEquals("unreachable", data.getString("smtp"));
            assertEquals(1, data.getInt("backlog"));

            smtp = startSmtp();
            assertEquals("patience", awaitOneMail().getSubject());
            assertTrue(becomes(Duration.ofSeconds(5), () -> "sent"
                    .equals(mail.delivery(answer).getString("state"))));
            staysSo(Duration.ofSeconds(2), () -> smtp.getReceivedMessages().length == 1, "delivered exactly once");
            assertTrue(mail.metrics().matches("(?s).*mail_retried_total\\{[^}]*} [1-9].*"), "retries counted");
        } finally {
            if (!smtp.isRunning()) {
                smtp = startSmtp();
            }
        }
    }

    /** Parses expected JSON for comparisons. */
    private static final class Json {
        static JsonObject of(String text) {
            return (JsonObject) Http.json(text);
        }
    }
}
