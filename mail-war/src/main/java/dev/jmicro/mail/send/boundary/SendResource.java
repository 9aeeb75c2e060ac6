package dev.jmicro.mail.send.boundary;

import dev.jmicro.mail.send.control.OrderDesk;
import dev.jmicro.mail.send.entity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /send}, the original contract: 202 {@code {"error":false,"message":"sent to <to>"}} once the mail is
 * safely in the outbox. Delivery follows at once, or with retries while the SMTP server is away; its state is at the
 * {@code Location} of the answer.
 */
@ApplicationScoped
@Path("send")
@Tag(name = "send", description = "Send a mail: the original POST /send, with templates")
public class SendResource {

    @Inject
    OrderDesk desk;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a mail (queued durably, delivered with retries)")
    @APIResponse(responseCode = "202", description = "Accepted; the mail is in the outbox")
    @APIResponse(responseCode = "400", description = "Invalid request (application/problem+json)")
    public Response send(
            @Valid @NotNull SendRequest request,
            @Parameter(description = "The same key never sends a second mail")
                    @HeaderParam("Idempotency-Key")
                    @Pattern(
                            regexp = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}",
                            message = "must be 1-100 of A-Z a-z 0-9 . _ -")
                    String idempotencyKey,
            @Context UriInfo uri) {
        Delivery delivery = desk.take(
                idempotencyKey,
                request.from(),
                request.to(),
                request.subject(),
                request.message(),
                request.template(),
                request.fields());
        return Response.accepted(Envelope.ok("sent to " + request.to()))
                .location(uri.getBaseUriBuilder()
                        .path("mails")
                        .path(delivery.id())
                        .build())
                .build();
    }
}
