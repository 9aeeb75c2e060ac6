package dev.jmicro.mail.health.boundary;

import dev.jmicro.mail.send.control.Outbox;
import dev.jmicro.mail.send.control.SmtpSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while mails can be accepted, that is while the outbox can be written. An unreachable SMTP server does not make
 * the service unready: mails wait in the outbox, which is the point of it. The check reports the SMTP server's state
 * and the backlog so operators and the status page see both.
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    @Inject
    Outbox outbox;

    @Inject
    SmtpSender smtp;

    @Override
    public HealthCheckResponse call() {
        boolean writable = outbox.writable();
        return HealthCheckResponse.named("mail")
                .status(writable)
                .withData("outbox", writable ? "writable" : "not writable")
                .withData("smtp", smtp.reachable() ? "reachable" : "unreachable")
                .withData("smtp_server", smtp.describe())
                .withData("backlog", outbox.backlog())
                .build();
    }
}
