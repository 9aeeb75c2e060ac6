package dev.jmicro.broker.auth.boundary;

import dev.jmicro.broker.auth.control.UserAdministration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/users}: the auth service's user administration (admin only), and a user's own password change. The
 * bodies are auth's, checked there; its refusals are relayed.
 */
@ApplicationScoped
@Path("api/users")
@APIResponse(responseCode = "503", description = "auth is unavailable")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "users", description = "Administration of users (admin) and one's own password")
@SecurityRequirement(name = "bearer")
public class UsersResource {

    @Inject
    UserAdministration users;

    @GET
    @Operation(summary = "Users, one page at a time; q keeps those whose address or name contains it (admin)")
    @APIResponse(responseCode = "200", description = "auth's answer, relayed")
    public JsonObject list(
            @QueryParam("page") @Min(0) @Max(1_000_000) Integer page,
            @QueryParam("size") @Min(1) @Max(100) Integer size,
            @QueryParam("q") @Size(max = 254) String search) {
        return users.page(page, size, search);
    }

    @GET
    @Path("password-policy")
    @Operation(summary = "What a new password must be (admin)")
    @APIResponse(responseCode = "200", description = "auth's answer, relayed")
    public JsonObject passwordPolicy() {
        return users.passwordPolicy();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user (admin)")
    @APIResponse(responseCode = "200", description = "auth's answer, relayed")
    public JsonObject read(@PathParam("id") long id) {
        return users.user(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (admin)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The e-mail address is taken")
    public Response create(@NotNull JsonObject user) {
        JsonObject created = users.create(user);
        return Response.created(URI.create("api/users/" + created.getJsonNumber("id")))
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user (admin)")
    @APIResponse(responseCode = "200", description = "auth's answer, relayed")
    @APIResponse(
            responseCode = "409",
            description =
                    "The e-mail address is taken, or it would deactivate or demote yourself or the last active administrator")
    public JsonObject update(@PathParam("id") long id, @NotNull JsonObject user) {
        return users.update(id, user);
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a user: no more sign-ins (admin)")
    @APIResponse(responseCode = "200", description = "auth's answer, relayed")
    @APIResponse(responseCode = "409", description = "It would deactivate yourself or the last active administrator")
    public JsonObject deactivate(@PathParam("id") long id) {
        return users.deactivate(id);
    }

    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password for a user (admin)")
    @APIResponse(responseCode = "200", description = "auth's answer, relayed")
    public JsonObject resetPassword(@PathParam("id") long id, @NotNull JsonObject reset) {
        return users.resetPassword(id, reset);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user (admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It would delete yourself or the last active administrator")
    public void delete(@PathParam("id") long id) {
        users.delete(id);
    }

    @PUT
    @Path("me/password")
    @RolesAllowed({"user", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's own password")
    @APIResponse(responseCode = "204", description = "Changed")
    public void changeOwnPassword(@NotNull JsonObject change) {
        users.changeOwnPassword(change);
    }
}
