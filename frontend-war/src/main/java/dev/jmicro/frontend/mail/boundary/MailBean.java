package dev.jmicro.frontend.mail.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.control.Query;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.mail.control.SentMails;
import dev.jmicro.frontend.session.control.CurrentCaller;
import dev.jmicro.frontend.web.boundary.Messages;
import dev.jmicro.frontend.web.boundary.Redirects;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * The mail composer: checks the fields where they are typed (Bean Validation, a message beside each field), sends
 * through the broker ({@code POST /api/mails}) and shows where the mail is ({@code GET /api/mails/{id}}). The mail
 * service checks again and has the last word; its refusal is shown as it comes, the form kept. A mail accepted
 * redirects to {@code mail.xhtml?mail=<id>} (post, redirect, get): the form is empty again, a reload cannot send it
 * twice, and the page checks the delivery again every few seconds until it is sent or has failed.
 */
@Named
@ViewScoped
public class MailBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The mail service's templates a person can pick; {@code welcome} greets by first name. */
    public static final List<String> TEMPLATES = List.of("default", "welcome");

    @Inject
    BrokerCalls broker;

    @Inject
    CurrentCaller caller;

    @Inject
    SentMails sentMails;

    /** States after which a mail's delivery changes no more. */
    private static final List<String> FINAL = List.of("sent", "failed");

    @Email(message = "Not an email address")
    @Size(max = 254, message = "At most 254 characters")
    @Pattern(regexp = "[^\\r\\n]*", message = "One line only")
    private String from;

    @NotBlank(message = "Enter the recipient's address")
    @Email(message = "Not an email address")
    @Size(max = 254, message = "At most 254 characters")
    private String to;

    @NotBlank(message = "Enter a subject")
    @Size(max = 200, message = "At most 200 characters")
    @Pattern(regexp = "[^\\r\\n]*", message = "One line only")
    private String subject;

    @NotBlank(message = "Enter a message")
    @Size(max = 10000, message = "At most 10 000 characters")
    private String message;

    @Pattern(regexp = "default|welcome", message = "Choose a template from the list")
    private String template = "default";

    @Size(max = 100, message = "At most 100 characters")
    private String firstName;

    /** The mail whose delivery is shown: from the address. */
    @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "No such mail")
    private String mail;

    private boolean live = true;
    private Exchange result;
    private JsonObject delivery;

    public void send() {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("to", to.strip())
                .add("subject", subject.strip())
                .add("message", message)
                .add("template", template);
        if (from != null && !from.isBlank()) {
            body.add("from", from.strip());
        }
        if ("welcome".equals(template)) {
            body.add(
                    "fields",
                    Json.createObjectBuilder()
                            .add("first_name", firstName == null ? "" : firstName.strip())
                            .add("email", to.strip()));
        }
        Exchange sent =
                broker.post(caller.get(), "Mail", "/api/mails", body.build().toString());
        if (!sent.ok() || sent.location() == null) {
            result = sent;
            delivery = null;
            Messages.error("Not sent: " + sent.failure());
            return;
        }
        String id = sent.location().substring(sent.location().lastIndexOf('/') + 1);
        sentMails.sent(id, sent);
        Redirects.to("mail.xhtml" + new Query().add("mail", id));
    }

    /** After the address's parameters: where the mail named there is, and the exchange that sent it. */
    public void load() {
        if (mail == null || FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        result = sentMails.of(mail).orElse(null);
        Exchange state = broker.get(caller.get(), "Mail state", "/api/mails/" + Query.segment(mail));
        if (state.ok()) {
            delivery = state.json().orElse(null);
        } else {
            Messages.warn("The mail's state cannot be read: " + state.failure());
        }
    }

    /** Whether the page should look again by itself: until the mail is sent or has failed, unless paused. */
    public boolean isChecking() {
        return live && delivery != null && !FINAL.contains(delivery.getString("state", ""));
    }

    public String getMail() {
        return mail;
    }

    public void setMail(String mail) {
        this.mail = mail;
    }

    public boolean isLive() {
        return live;
    }

    public void setLive(boolean live) {
        this.live = live;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public List<String> getTemplates() {
        return TEMPLATES;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public Exchange getResult() {
        return result;
    }

    /** Who the mail shown went to, from what was sent. */
    public String getSentTo() {
        return result == null
                ? null
                : result.sentJson().map(body -> body.getString("to", null)).orElse(null);
    }

    public JsonObject getDelivery() {
        return delivery;
    }
}
