package dev.jmicro.broker.logger.boundary;

import dev.jmicro.broker.edge.boundary.RequestIds;
import dev.jmicro.broker.logger.control.LogReader;
import dev.jmicro.broker.logger.control.LogWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/logs}: write an entry (over the configured transport), query entries and read one (the logger's reads,
 * with the caller's token), and delete old entries (admin).
 */
@ApplicationScoped
@Path("api/logs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"user", "admin"})
@Tag(name = "logs", description = "Log entries: written over AMQP or gRPC, read with paging and filters")
@SecurityRequirement(name = "bearer")
public class LogsResource {

    /** What a write answers: the key it was stored under (the client's, or a new one) and the way it went. */
    public record Accepted(String key, String transport) {}

    @Inject
    LogWriter writes;

    @Inject
    LogReader logger;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a log entry (AMQP or gRPC, by configuration); the same Idempotency-Key is stored once")
    @APIResponse(responseCode = "202", description = "Accepted: {key, transport}")
    @APIResponse(responseCode = "400", description = "Invalid entry (application/problem+json)")
    @APIResponse(responseCode = "503", description = "The way to the logger is unavailable")
    public Response write(
            @Valid @NotNull LogRequest entry,
            @Parameter(description = "Makes a repeated write a duplicate")
                    @HeaderParam("Idempotency-Key")
                    @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "must be 1-200 of A-Z a-z 0-9 . _ : -")
                    String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        writes.write(entry.name(), entry.data(), entry.level(), key, requestId);
        return Response.accepted(new Accepted(key, writes.configured().name().toLowerCase(Locale.ROOT)))
                .build();
    }

    @GET
    @Operation(
            summary = "Entries, newest first, with filters and paging (the logger's parameters); q finds a text in"
                    + " the name or the data")
    public JsonObject search(
            @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("name") @Size(max = 200) String name,
            @QueryParam("level") @Pattern(regexp = "(?i)INFO|WARNING|ERROR", message = "must be INFO, WARNING or ERROR")
                    String level,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page")
                    @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a whole number from 1 to 999999")
                    String page,
            @QueryParam("size") @Pattern(regexp = "[1-9][0-9]{0,2}", message = "must be a whole number from 1 to 200")
                    String size) {
        return logger.search(text, name, level, from, to, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One entry")
    public JsonObject find(@PathParam("id") String id) {
        return logger.find(id);
    }

    @DELETE
    @RolesAllowed("admin")
    @Operation(summary = "Delete entries created before an instant (admin)")
    public JsonObject deleteOlderThan(@QueryParam("before") String before) {
        return logger.deleteOlderThan(before);
    }
}
