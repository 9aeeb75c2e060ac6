package dev.jmicro.broker.auth.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/me}: the signed-in user as the bearer token from the auth service describes them. The broker
 * verifies the token itself (MicroProfile JWT, the auth service's public key), without asking the auth service.
 */
@Path("api/me")
@RolesAllowed("user")
@Tag(name = "me", description = "Who the token belongs to")
@SecurityRequirement(name = "bearer")
public class MeResource {

    /** What the token says. */
    public record Me(String id, String email, Set<String> groups) {}

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user, from the token")
    public Me me() {
        return new Me(token.getSubject(), token.getName(), token.getGroups());
    }
}
