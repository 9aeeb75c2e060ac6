package dev.jmicro.auth.users.boundary;

import dev.jmicro.auth.users.control.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code PUT /users/me/password}: a signed-in user changes their own password, giving the current one. */
@Path("users/me/password")
@RolesAllowed("user")
@Tag(name = "users", description = "Administration of users (admin)")
@SecurityRequirement(name = "bearer")
public class PasswordResource {

    /** The current and the new password. */
    public record PasswordChange(
            @JsonbProperty("current_password") @NotNull @Size(max = 200) String currentPassword,
            @JsonbProperty("new_password")
                    @NotNull
                    @Size(max = 200)
                    @Pattern(regexp = UsersResource.NO_NUL, message = UsersResource.WITHOUT_NUL)
                    String newPassword) {}

    @Inject
    UserDirectory directory;

    // The caller's token: this resource is made per request (no scope), unlike the others, which are
    // application-scoped.
    @Inject
    JsonWebToken caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password")
    @APIResponse(responseCode = "204", description = "Changed; the tokens issued before are revoked")
    public Response change(@Valid @NotNull PasswordChange change) {
        directory.changePassword(Long.parseLong(caller.getSubject()), change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }
}
