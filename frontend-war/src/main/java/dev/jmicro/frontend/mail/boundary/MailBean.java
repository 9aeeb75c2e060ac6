package dev.jmicro.frontend.mail.boundary;

import dev.jmicro.frontend.broker.control.BrokerCalls;
import dev.jmicro.frontend.broker.entity.Exchange;
import dev.jmicro.frontend.web.boundary.Messages;
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
 * service checks again and has the last word; its refusal is shown as it comes.
 */
@Named
@ViewScoped
public class MailBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The mail service's templates a person can pick; {@code welcome} greets by first name. */
    public static final List<String> TEMPLATES = List.of("default", "welcome");

    @Inject
    BrokerCalls broker;

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

    private Exchange result;
    private JsonObject delivery;

    public void send() {
        JsonObjectBuilder mail = Json.createObjectBuilder()
                .add("to", to.strip())
                .add("subject", subject.strip())
                .add("message", message)
                .add("template", template);
        if ("welcome".equals(template)) {
            mail.add(
                    "fields",
                    Json.createObjectBuilder()
                            .add("first_name", firstName == null ? "" : firstName.strip())
                            .add("email", to.strip()));
        }
        result = broker.post("Mail", "/api/mails", mail.build().toString());
        delivery = null;
        if (!result.ok()) {
            Messages.error("Not sent: " + result.failure());
            return;
        }
        refresh();
        Messages.info("Mail to " + to.strip() + " accepted.");
    }

    /** Asks again where the last mail is (queued, sent or failed). */
    public void refresh() {
        if (result == null || result.location() == null) {
            return;
        }
        String location = result.location();
        Exchange state = broker.get("Mail state", "/api/mails/" + location.substring(location.lastIndexOf('/') + 1));
        delivery = state.ok() ? state.json().orElse(null) : null;
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

    public JsonObject getDelivery() {
        return delivery;
    }
}
