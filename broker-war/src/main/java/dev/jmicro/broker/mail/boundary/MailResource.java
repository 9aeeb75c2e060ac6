package dev.jmicro.broker.mail.boundary;

import dev.jmicro.broker.mail.control.MailSender;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/mails}: send a mail through the mail service, which answers once the mail is queued, with the
 * delivery's address ({@code /api/mails/{id}}) in {@code Location}.
 */
@ApplicationScoped
@Path("api/mails")
@RolesAllowed({"user", "admin"})
@Tag(name = "mail", description = "Templated mail through the outbox")
@SecurityRequirement(name = "bearer")
public class MailResource {

    @Inject
    MailSender mail;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a mail; the same Idempotency-Key never sends a second one")
    @APIResponse(responseCode = "202", description = "Queued: {error:false, message:\"sent to <to>\"}")
    @APIResponse(responseCode = "400", description = "Invalid mail (application/problem+json)")
    @APIResponse(responseCode = "503", description = "mail is unavailable")
    public Response send(
            @Valid @NotNull MailRequest request,
            @HeaderParam("Idempotency-Key")
                    @Pattern(
                            regexp = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}",
                            message = "must be 1-100 of A-Z a-z 0-9 . _ -")
                    String idempotencyKey) {
        MailSender.Queued queued = mail.send(
                request.toJson(),
                idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
        return Response.accepted(queued.answer())
                .location(URI.create("api/mails/" + queued.id()))
                .build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a mail is: queued, sent or failed")
    public JsonObject delivery(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}") String id) {
        return mail.delivery(id);
    }
}
