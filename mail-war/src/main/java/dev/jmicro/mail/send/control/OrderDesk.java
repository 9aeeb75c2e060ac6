package dev.jmicro.mail.send.control;

import dev.jmicro.mail.send.entity.Delivery;
import dev.jmicro.mail.send.entity.MailOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Turns a request into a mail order and puts it in the outbox: addresses must be valid RFC 5322 addresses (Jakarta
 * Mail's strict parser), at most {@code mail.max-recipients} of them, and the template must exist. Shape and size
 * limits are checked before, by Bean Validation on the request.
 */
@ApplicationScoped
public class OrderDesk {

    @Inject
    Outbox outbox;

    @Inject
    Courier courier;

    @Inject
    MailComposer composer;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "mail.max-recipients")
    int maxRecipients;

    /**
     * Accepts an order (or finds the earlier one with the same request id) and wakes the courier.
     *
     * @param requestId the client's idempotency key, or null for a new id
     */
    public Delivery take(
            String requestId,
            String from,
            String to,
            String subject,
            String message,
            String template,
            Map<String, String> fields) {
        List<String> recipients = recipients(to);
        String sender = from == null || from.isBlank() ? null : single("from", from);
        if (template != null && !composer.knows(template)) {
            throw new MailRefusal("unknown template '" + template + "'");
        }
        MailOrder order = new MailOrder(
                requestId == null ? UUID.randomUUID().toString() : requestId,
                sender,
                recipients,
                subject,
                message,
                template,
                fields == null ? Map.of() : Map.copyOf(fields),
                Instant.now());
        Delivery delivery = outbox.accept(order);
        // The outbox hands back this very order when it is new, or the earlier one with the same id.
        if (delivery.order() == order) {
            metrics.counter("mail.accepted").inc();
            courier.wake();
        }
        return delivery;
    }

    private List<String> recipients(String to) {
        List<String> recipients = new ArrayList<>();
        for (String part : to.split(",")) {
            if (!part.isBlank()) {
                recipients.add(single("to", part));
            }
        }
        if (recipients.isEmpty()) {
            throw new MailRefusal("to: at least one recipient is needed");
        }
        if (recipients.size() > maxRecipients) {
            throw new MailRefusal("to: at most " + maxRecipients + " recipients, not " + recipients.size());
        }
        return recipients;
    }

    /** One address in RFC 5322 syntax, with a domain; a display name is kept. */
    private static String single(String field, String text) {
        try {
            InternetAddress address = new InternetAddress(text.trim(), true);
            address.validate();
            if (address.isGroup() || !address.getAddress().contains("@")) {
                throw new AddressException("not a single mailbox");
            }
            return address.toUnicodeString();
        } catch (AddressException e) {
            throw new MailRefusal(field + ": '" + text.trim() + "' is not a valid e-mail address");
        }
    }
}
