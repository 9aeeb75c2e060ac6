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
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administration of users: list and search, read, create, change, deactivate, reset a password, delete. Only for the
 * {@code admin} group. An administrator cannot deactivate, demote or delete themselves, and the last active
 * administrator cannot be removed by anyone (both 409).
 */
@Path("users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Administration of users (admin)")
@SecurityRequirement(name = "bearer")
public class UsersResource {

    /** PostgreSQL cannot store U+0000 in text; a password with it is refused alike (C-string hashers cut there). */
    static final String NO_NUL = "[^\\x00]*";

    static final String WITHOUT_NUL = "must not hold the character U+0000";

    /** A new user. */
    public record NewUser(
            @NotBlank @Size(max = 254) @Email String email,
            @JsonbProperty("first_name") @Size(max = 100) @Pattern(regexp = NO_NUL, message = WITHOUT_NUL)
                    String firstName,
            @JsonbProperty("last_name") @Size(max = 100) @Pattern(regexp = NO_NUL, message = WITHOUT_NUL)
                    String lastName,
            @NotNull @Size(max = MAX_PASSWORD) @Pattern(regexp = NO_NUL, message = WITHOUT_NUL) String password,
            boolean admin) {}

    static final int MAX_PASSWORD = 200;

    /** The changeable fields of a user; all are given. */
    public record UserChange(
            @NotBlank @Size(max = 254) @Email String email,
            @JsonbProperty("first_name") @NotNull @Size(max = 100) @Pattern(regexp = NO_NUL, message = WITHOUT_NUL)
                    String firstName,
            @JsonbProperty("last_name") @NotNull @Size(max = 100) @Pattern(regexp = NO_NUL, message = WITHOUT_NUL)
                    String lastName,
            @NotNull Boolean active,
            @NotNull Boolean admin) {}

    /** One page of users. */
    public record UserPage(List<ManagedUser> items, int page, int size, long total) {}

    /** A new password an administrator sets for a user. */
    public record PasswordReset(
            @NotNull @Size(max = MAX_PASSWORD) @Pattern(regexp = NO_NUL, message = WITHOUT_NUL) String password) {}

    /** What a new password must be, for a form to say before the first try. */
    public record PasswordPolicy(
            @JsonbProperty("min_length") int minLength, @JsonbProperty("max_length") int maxLength) {}

    @Inject
    UserDirectory directory;

    // The caller's token: this resource is made per request (no scope), unlike the others, which are
    // application-scoped.
    @Inject
    JsonWebToken caller;

    @GET
    @Operation(summary = "Users, by id, one page at a time; q keeps those whose address or name contains it")
    public UserPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @QueryParam("q") @Size(max = 254) String search) {
        UserDirectory.Page found = directory.page(page, size, search);
        return new UserPage(found.users().stream().map(ManagedUser::of).toList(), page, size, found.total());
    }

    @GET
    @Path("password-policy")
    @Operation(summary = "What a new password must be")
    public PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(directory.minPasswordLength(), MAX_PASSWORD);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public ManagedUser read(@PathParam("id") long id) {
        return ManagedUser.of(directory.find(id));
    }

    @POST
    @Operation(summary = "Create a user")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "A user with that e-mail address exists already")
    public Response create(@Valid @NotNull NewUser user, @Context UriInfo uri) {
        User created = directory.create(
                user.email(), orEmpty(user.firstName()), orEmpty(user.lastName()), user.password(), user.admin());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(ManagedUser.of(created))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a user")
    @APIResponse(responseCode = "200", description = "The user as changed")
    @APIResponse(
            responseCode = "409",
            description =
                    "The e-mail address is taken, or it would deactivate or demote yourself or the last active administrator")
    public ManagedUser update(@PathParam("id") long id, @Valid @NotNull UserChange change) {
        if (!change.active() || !change.admin()) {
            notMyself(id, "deactivate or demote");
        }
        return ManagedUser.of(directory.update(
                id, change.email(), change.firstName(), change.lastName(), change.active(), change.admin()));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a user: they can no longer sign in")
    @APIResponse(responseCode = "200", description = "The user, inactive")
    @APIResponse(responseCode = "409", description = "It would deactivate yourself or the last active administrator")
    public ManagedUser deactivate(@PathParam("id") long id) {
        notMyself(id, "deactivate");
        return ManagedUser.of(directory.deactivate(id));
    }

    @PUT
    @Path("{id}/password")
    @Operation(summary = "Set a new password for a user")
    @APIResponse(responseCode = "200", description = "The user; their tokens are revoked")
    public ManagedUser resetPassword(@PathParam("id") long id, @Valid @NotNull PasswordReset reset) {
        return ManagedUser.of(directory.resetPassword(id, reset.password()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It would delete yourself or the last active administrator")
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
