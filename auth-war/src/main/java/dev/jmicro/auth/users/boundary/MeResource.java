package dev.jmicro.auth.users.boundary;

import dev.jmicro.auth.users.control.UserDirectory;
import dev.jmicro.auth.users.entity.User;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /users/me}: the caller's own account as stored now, not as the token remembers it. A token whose user
 * has since been deactivated or deleted is answered 401: the broker asks here to stop such tokens before they expire.
 */
@Path("users/me")
@RolesAllowed({"user", "admin"})
@Tag(name = "users", description = "Administration of users (admin)")
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    UserDirectory directory;

    @Inject
    JsonWebToken caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Your own account, as stored now; 401 once it is deactivated or deleted")
    public UserView me() {
        try {
            User user = directory.find(Long.parseLong(caller.getSubject()));
            if (user.active()) {
                return UserView.of(user);
            }
        } catch (NotFoundException | NumberFormatException e) {
            // deleted, or a subject that was never a user id: the same answer
        }
        Response refused = Problem.of(Response.Status.UNAUTHORIZED, "the account is deactivated or deleted")
                .toResponse();
        throw new NotAuthorizedException(Response.fromResponse(refused)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build());
    }
}
