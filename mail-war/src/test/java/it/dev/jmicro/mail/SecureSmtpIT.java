package it.dev.jmicro.mail;

import static dev.jmicro.localstack.testing.Eventually.becomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.localstack.support.Ports;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * The mail service against SMTP servers that require encryption (SubEthaSMTP, since GreenMail has no STARTTLS), with a
 * self-signed certificate made for this run: one requires STARTTLS and a login, one speaks TLS from the first byte.
 */
class SecureSmtpIT {

    /** What the SMTP server saw of one delivered mail. */
    private record Received(String identity, boolean tls, List<String> recipients, String data) {}

    private static final String USER = "mailer";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static SMTPServer smtp;
    private static MailServer mail;
    private static SMTPServer implicitTlsSmtp;
    private static MailServer implicitTlsMail;

    @BeforeAll
    static void start() throws Exception {
        SSLContext tls = selfSignedTls();
        int port = Ports.free();
        smtp = recordingServer(port)
                .enableTLS(true)
                .requireTLS(true)
                .startTlsSocketFactory(tls)
                .requireAuth(true)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .build();
        smtp.start();
        mail = MailServer.start(
                "secure-smtp",
                Map.of(
                        "SMTP_HOST",
                        "127.0.0.1",
                        "SMTP_PORT",
                        Integer.toString(port),
                        "SMTP_ENCRYPTION",
                        "starttls",
                        "SMTP_USER",
                        USER,
                        "SMTP_PASSWORD",
                        PASSWORD,
                        "SMTP_SSL_TRUST",
                        "127.0.0.1"));

        int implicitPort = Ports.free();
        implicitTlsSmtp = recordingServer(implicitPort).serverSocketFactory(tls).build();
        implicitTlsSmtp.start();
        implicitTlsMail = MailServer.start(
                "implicit-tls-smtp",
                Map.of(
                        "SMTP_HOST", "127.0.0.1",
                        "SMTP_PORT", Integer.toString(implicitPort),
                        "SMTP_ENCRYPTION", "ssl",
                        "SMTP_SSL_TRUST", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        for (MailServer server : new MailServer[] {mail, implicitTlsMail}) {
            if (server != null) {
                server.close();
            }
        }
        smtp.stop();
        if (implicitTlsSmtp != null) {
            implicitTlsSmtp.stop();
        }
    }

    @Test
    void aMailIsDeliveredOverImplicitTls() throws Exception {
        HttpResponse<String> answer =
                implicitTlsMail.send("{\"to\":\"dave@example.com\",\"subject\":\"Implicit TLS\",\"message\":\"m\"}");

        assertEquals(202, answer.statusCode(), answer.body());
        assertTrue(
                becomes(Duration.ofSeconds(20), () -> received.stream()
                        .anyMatch(r -> r.recipients().equals(List.of("dave@example.com")))),
                "delivered over the TLS socket");
        assertTrue(becomes(Duration.ofSeconds(5), () -> "sent"
                .equals(implicitTlsMail.delivery(answer).getString("state"))));
    }

    @Test
    void aMailIsDeliveredOverStartTlsAfterLoggingIn() throws Exception {
        HttpResponse<String> answer =
                mail.send("{\"to\":\"carol@example.com\",\"subject\":\"Secure hello\",\"message\":\"over TLS\"}");

        assertEquals(202, answer.statusCode(), answer.body());
        assertTrue(
                becomes(Duration.ofSeconds(20), () -> received.stream()
                        .anyMatch(r -> r.recipients().equals(List.of("carol@example.com")))),
                "delivered");
        Received mail = received.stream()
                .filter(r -> r.recipients().equals(List.of("carol@example.com")))
                .findFirst()
                .orElseThrow();
        assertTrue(mail.tls(), "the session had switched to TLS");
        assertEquals(USER, mail.identity(), "logged in as the configured user");
        assertEquals(List.of("carol@example.com"), mail.recipients());
        assertTrue(mail.data().contains("Subject: Secure hello"), mail.data());
    }

    @Test
    void aRecipientTheServerRefusesIsRecordedAsFailedWithTheReason() throws Exception {
        HttpResponse<String> answer =
                mail.send("{\"to\":\"nobody@example.com\",\"subject\":\"lost\",\"message\":\"m\"}");

        assertEquals(202, answer.statusCode(), answer.body());
        assertTrue(
                becomes(Duration.ofSeconds(20), () -> "failed"
                        .equals(SecureSmtpIT.mail.delivery(answer).getString("state"))),
                "failed for good");
        JsonObject delivery = mail.delivery(answer);
        assertEquals(1, delivery.getInt("attempts"), "a permanent refusal is not retried");
        assertTrue(delivery.getString("last_error").contains("550"), "the server's reason: " + delivery);
        assertTrue(mail.metrics().matches("(?s).*mail_failed_total\\{[^}]*} [1-9].*"), "failure counted");
    }

    /** An SMTP server on the loopback address that records what it receives in {@link #received}. */
    private static SMTPServer.Builder recordingServer(int port) {
        return new SMTPServer.Builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("127.0.0.1")
                .port(port)
                .messageHandlerFactory(Recorder::new);
    }

    /** Records each mail; refuses any recipient called nobody, as a real server refuses an unknown mailbox. */
    private static final class Recorder implements MessageHandler {
        private final MessageContext context;
        private final List<String> recipients = new CopyOnWriteArrayList<>();

        Recorder(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String from) {}

        @Override
        public void recipient(String recipient) throws RejectException {
            if (recipient.startsWith("nobody@")) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: no such user");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws java.io.IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            data.transferTo(bytes);
            received.add(new Received(
                    context.getAuthenticationHandler()
                            .map(h -> String.valueOf(h.getIdentity()))
                            .orElse(null),
                    context instanceof Session session && session.isTLSStarted(),
                    List.copyOf(recipients),
                    bytes.toString(StandardCharsets.UTF_8)));
            return null;
        }

        @Override
        public void done() {}
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made with the JDK's keytool for this run only. */
    private static SSLContext selfSignedTls() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/it-tls"));
        Path store = dir.resolve("smtp-" + UUID.randomUUID() + ".p12");
        char[] password = UUID.randomUUID().toString().toCharArray();
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "smtp",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(password))
                .inheritIO()
                .start();
        assertEquals(0, keytool.waitFor(), "keytool made a certificate");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        return tls;
    }
}
