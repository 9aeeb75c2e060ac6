package dev.jmicro.broker.users.boundary;

import dev.jmicro.broker.signin.control.AuthGateway;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/users}: the auth service's user administration (admin only), and a user's own password change. The
 * bodies are auth's, checked there; its answers, refusals included, are relayed.
 */
@ApplicationScoped
@Path("api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "users", description = "Administration of users (admin) and one's own password")
@SecurityRequirement(name = "bearer")
public class UsersResource {

    @Inject
    AuthGateway auth;

    @GET
    @Operation(summary = "Users, one page at a time; q keeps those whose address or name contains it (admin)")
    public Response list(
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("q") String search) {
        return auth.users(page, size, search);
    }

    @GET
    @Path("password-policy")
    @Operation(summary = "What a new password must be (admin)")
    public Response passwordPolicy() {
        return auth.passwordPolicy();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user (admin)")
    public Response read(@PathParam("id") long id) {
        return auth.user(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (admin)")
    public Response create(@NotNull JsonObject user) {
        return auth.createUser(user);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user (admin)")
    public Response update(@PathParam("id") long id, @NotNull JsonObject user) {
        return auth.updateUser(id, user);
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a user: no more sign-ins (admin)")
    public Response deactivate(@PathParam("id") long id) {
        return auth.deactivateUser(id);
    }

    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password for a user (admin)")
    public Response resetPassword(@PathParam("id") long id, @NotNull JsonObject reset) {
        return auth.resetPassword(id, reset);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user (admin)")
    public Response delete(@PathParam("id") long id) {
        return auth.deleteUser(id);
    }

    @PUT
    @Path("me/password")
    @RolesAllowed({"user", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's own password")
    public Response changeOwnPassword(@NotNull JsonObject change) {
        return auth.changeOwnPassword(change);
    }
}
