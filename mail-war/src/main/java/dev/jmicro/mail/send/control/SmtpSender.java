package dev.jmicro.mail.send.control;

import dev.jmicro.mail.send.entity.MailOrder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one rendered mail over SMTP with Jakarta Mail. The session is built here from MicroProfile Config rather than
 * a server.xml {@code <mailSession>}, because one setting, {@code smtp.encryption} (none, starttls, ssl), stands for
 * several Jakarta Mail properties and must be checked.
 */
@ApplicationScoped
public class SmtpSender {

    private final SmtpSettings settings;
    private final String fromAddress;
    private final String fromName;
    private Session session;

    @Inject
    public SmtpSender(
            SmtpSettings settings,
            @ConfigProperty(name = "mail.from.address") String fromAddress,
            @ConfigProperty(name = "mail.from.name") String fromName) {
        this.settings = settings;
        this.fromAddress = fromAddress;
        this.fromName = fromName;
    }

    /** Needed by CDI to proxy the bean; never used directly. */
    protected SmtpSender() {
        this(null, null, null);
    }

    @PostConstruct
    void openSession() {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", Integer.toString(settings.connectTimeoutMs()));
        props.put("mail.smtp.timeout", Integer.toString(settings.timeoutMs()));
        props.put("mail.smtp.writetimeout", Integer.toString(settings.timeoutMs()));
        switch (settings.encryption()) {
            case "none" -> {}
            case "starttls" -> {
                props.put("mail.smtp.starttls.enable", "true");
                // Never fall back to plain text when the server does not offer STARTTLS.
                props.put("mail.smtp.starttls.required", "true");
            }
            case "ssl" -> props.put("mail.smtp.ssl.enable", "true");
            default ->
                throw new IllegalStateException(
                        "smtp.encryption must be none, starttls or ssl, not " + settings.encryption());
        }
        if (!settings.encryption().equals("none")) {
            props.put("mail.smtp.ssl.checkserveridentity", "true");
            settings.sslTrust().ifPresent(hosts -> props.put("mail.smtp.ssl.trust", hosts));
        }
        Authenticator login = null;
        if (settings.user().isPresent()) {
            props.put("mail.smtp.auth", "true");
            String user = settings.user().get();
            String password = settings.password().orElse("");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        session = Session.getInstance(props, login);
    }

    public void send(MailOrder order, MailComposer.Rendered body) throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(order.from() == null ? configuredSender() : new InternetAddress(order.from(), true));
        for (String recipient : order.to()) {
            mail.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, true));
        }
        mail.setSubject(order.subject(), StandardCharsets.UTF_8.name());
        mail.setHeader("X-Mail-Request-Id", order.id());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(body.html(), StandardCharsets.UTF_8.name(), "html");
        // multipart/alternative: the last part is the preferred one.
        mail.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(mail);
    }

    private InternetAddress configuredSender() throws MessagingException {
        try {
            return new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /** Whether the SMTP server accepts a TCP connection within a second; for readiness, not a guarantee. */
    public boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String describe() {
        return settings.encryption().toLowerCase(Locale.ROOT) + "://" + settings.host() + ":" + settings.port();
    }
}
