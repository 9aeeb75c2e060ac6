package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.control.LogBook;
import dev.jmicro.logger.entries.control.LogPage;
import dev.jmicro.logger.entries.control.LogQuery;
import dev.jmicro.logger.entries.control.Stored;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Log entries as a resource. Writing is open to the services inside the system (the network keeps others out);
 * reading needs a signed-in user's token, deleting an administrator's.
 */
@ApplicationScoped
@Path("logs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "logs", description = "Log entries: written by the system, read with paging and filters by signed-in users")
public class LogsResource {

    /** Most entries one batch may carry. */
    static final int MAX_BATCH = 1000;

    /** One page of a listing. */
    public record LogPageView(List<LogView> items, int page, int size, long total) {}

    /** What a batch did: entries written now, and entries skipped because their key was stored before. */
    public record BatchResult(int stored, int duplicates) {}

    /** What a deletion removed. */
    public record Deleted(long deleted) {}

    @Inject
    LogBook book;

    @Inject
    Validator validator;

    @POST
    @Operation(summary = "Write one entry: 201 with its location, or 200 with the entry stored earlier under the key")
    @APIResponse(responseCode = "201", description = "Stored; Location names it")
    @APIResponse(
            responseCode = "200",
            description = "Stored earlier under the same Idempotency-Key; nothing new is stored")
    public Response write(
            @Valid @NotNull EntryRequest request,
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = EntryRequest.MAX_KEY) String key,
            @Context UriInfo uri) {
        Stored stored = book.write(request.toEntry(key), "rest");
        LogView view = LogView.of(stored.entry());
        if (stored.duplicate()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                .entity(view)
                .build();
    }

    @POST
    @Path("batch")
    @Operation(summary = "Write up to 1000 entries at once, each with its own idempotency key (the listener's way)")
    public BatchResult writeBatch(@NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull EntryRequest> requests) {
        requireValid(requests);
        LogBook.BatchOutcome outcome =
                book.writeAll(requests.stream().map(r -> r.toEntry(null)).toList(), "batch");
        return new BatchResult(outcome.stored(), outcome.duplicates());
    }

    /**
     * Each entry's constraints, as {@code List<@Valid EntryRequest>} would check them, with the same 400 when one is
     * broken. Not done that way because Hibernate Validator builds a path of nodes for every property of every entry,
     * broken or not: with the listener's batches that was 22 % of the logger's CPU. An entry that is plainly valid is
     * not looked at again; the Validator judges only the others.
     */
    private void requireValid(List<EntryRequest> requests) {
        Set<ConstraintViolation<EntryRequest>> violations = new HashSet<>();
        for (EntryRequest request : requests) {
            if (request != null && !request.plainlyValid()) {
                violations.addAll(validator.validate(request));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    @GET
    @RolesAllowed({"user", "admin"})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Entries, newest first, filtered by name, level and time range [from, to), one page at a time")
    public LogPageView list(@Valid @BeanParam LogFilter filter) {
        LogQuery query = filter.toQuery();
        LogPage found = book.search(query);
        return new LogPageView(
                found.entries().stream().map(LogView::of).toList(), query.page(), query.size(), found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"user", "admin"})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One entry")
    public LogView read(@PathParam("id") String id) {
        if (!LogBook.isEntryId(id)) {
            throw new BadRequestException("id: not a log entry id (a UUID such as 3f2b…-…)");
        }
        return book.find(id).map(LogView::of).orElseThrow(() -> new NotFoundException("no log entry with id " + id));
    }

    @DELETE
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete every entry created before the given instant")
    public Deleted deleteOlderThan(@QueryParam("before") String before) {
        Instant cutoff = LogFilter.instant("before", before);
        if (cutoff == null) {
            throw new BadRequestException("before: required, an ISO-8601 instant such as 2026-11-21T09:30:00Z");
        }
        return new Deleted(book.deleteOlderThan(cutoff));
    }
}
