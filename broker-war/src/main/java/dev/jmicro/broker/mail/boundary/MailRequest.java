package dev.jmicro.broker.mail.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A mail to send: the original {@code {from, to, subject, message}}, and in the broker's own API a template and its
 * fields. The mail service's limits, checked here before it is asked (header fields without line breaks).
 */
public record MailRequest(
        @Size(max = 320) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String from,
        @NotBlank @Size(max = 4000) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String to,
        @NotNull @Size(max = 200) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String subject,
        @NotNull @Size(max = 65_536) String message,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a template name such as welcome")
                String template,
        @Size(max = 20)
                Map<@NotNull @Pattern(regexp = "[a-z_][a-z0-9_]{0,39}") String, @NotNull @Size(max = 1000) String>
                        fields) {

    static final String ONE_LINE = "[^\\r\\n]*";
    static final String ONE_LINE_MESSAGE = "must not contain line breaks";
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The body the mail service expects. */
    public JsonObject toJson() {
        JsonObjectBuilder body =
                JSON.createObjectBuilder().add("to", to).add("subject", subject).add("message", message);
        if (from != null) {
            body.add("from", from);
        }
        if (template != null) {
            body.add("template", template);
        }
        if (fields != null) {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            fields.forEach(values::add);
            body.add("fields", values);
        }
        return body.build();
    }
}
