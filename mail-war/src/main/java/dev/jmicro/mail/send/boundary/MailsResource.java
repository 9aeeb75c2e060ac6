package dev.jmicro.mail.send.boundary;

import dev.jmicro.mail.send.control.Outbox;
import dev.jmicro.mail.send.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /mails/{id}}: where a mail stands (pending, sending, sent, failed) and why it failed. */
@ApplicationScoped
@Path("mails")
@Tag(name = "mails", description = "Where a mail is: queued, sent or failed")
public class MailsResource {

    /** What a client sees of a delivery: never the message body. */
    public record DeliveryView(
            String id,
            String state,
            List<String> to,
            String subject,
            int attempts,
            @JsonbProperty("accepted_at") Instant acceptedAt,
            @JsonbProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonbProperty("last_error") String lastError) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.state().name().toLowerCase(Locale.ROOT),
                    d.order().to(),
                    d.order().subject(),
                    d.attempts(),
                    d.order().acceptedAt(),
                    d.nextAttemptAt(),
                    d.lastError());
        }
    }

    @Inject
    Outbox outbox;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The delivery state of a mail")
    public DeliveryView find(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}") String id) {
        return outbox.find(id).map(DeliveryView::of).orElseThrow(() -> new NotFoundException("no mail with id " + id));
    }
}
