package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.control.LogBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The original system's write: {@code {name, data}} → 202 {@code {"error":false,"message":"logged"}}. */
@ApplicationScoped
@Path("log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "original", description = "The original system's POST /log")
public class OriginalLogResource {

    @Inject
    LogBook book;

    @POST
    @Operation(summary = "Write one entry (original contract); the same Idempotency-Key is stored once")
    @APIResponse(responseCode = "202", description = "Logged: {\"error\":false,\"message\":\"logged\"}")
    public Response write(
            @Valid @NotNull EntryRequest request,
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = EntryRequest.MAX_KEY) String key) {
        book.write(request.toEntry(key), "rest");
        return Response.accepted(new Envelope(false, "logged", null)).build();
    }
}
