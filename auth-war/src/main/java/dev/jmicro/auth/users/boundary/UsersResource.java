package dev.jmicro.auth.users.boundary;

import dev.jmicro.auth.users.control.UserDirectory;
import dev.jmicro.auth.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Administration of users: list, read, create, change, deactivate, delete. Only for the {@code admin} group. */
@Path("users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** A new user. */
    public record NewUser(
            @NotBlank @Size(max = 254) @Email String email,
            @JsonbProperty("first_name") @Size(max = 100) String firstName,
            @JsonbProperty("last_name") @Size(max = 100) String lastName,
            @NotNull @Size(max = 200) String password,
            boolean admin) {}

    /** The changeable fields of a user; all are given. */
    public record UserChange(
            @NotBlank @Size(max = 254) @Email String email,
            @JsonbProperty("first_name") @NotNull @Size(max = 100) String firstName,
            @JsonbProperty("last_name") @NotNull @Size(max = 100) String lastName,
            @NotNull Boolean active,
            @NotNull Boolean admin) {}

    /** One page of users. */
    public record UserPage(List<UserView> items, int page, int size, long total) {}

    @Inject
    UserDirectory directory;

    @Inject
    JsonWebToken caller;

    @GET
    @Operation(summary = "Users, by id, one page at a time")
    public UserPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UserDirectory.Page found = directory.page(page, size);
        return new UserPage(found.users().stream().map(UserView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public UserView read(@PathParam("id") long id) {
        return UserView.of(directory.find(id));
    }

    @POST
    @Operation(summary = "Create a user")
    public Response create(@Valid @NotNull NewUser user, @Context UriInfo uri) {
        User created = directory.create(
                user.email(), orEmpty(user.firstName()), orEmpty(user.lastName()), user.password(), user.admin());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(UserView.of(created))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a user")
    public UserView update(@PathParam("id") long id, @Valid @NotNull UserChange change) {
        if (!change.active() || !change.admin()) {
            notMyself(id, "deactivate or demote");
        }
        return UserView.of(directory.update(
                id, change.email(), change.firstName(), change.lastName(), change.active(), change.admin()));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a user: they can no longer sign in")
    public UserView deactivate(@PathParam("id") long id) {
        notMyself(id, "deactivate");
        return UserView.of(directory.deactivate(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user")
    public Response delete(@PathParam("id") long id) {
        notMyself(id, "delete");
        directory.delete(id);
        return Response.noContent().build();
    }

    /** An administrator cannot lock themselves out; another administrator can. */
    private void notMyself(long id, String what) {
        if (Long.toString(id).equals(caller.getSubject())) {
            throw new ClientErrorException("you cannot " + what + " yourself", Response.Status.CONFLICT);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
