package dev.jmicro.auth.signin.boundary;

import dev.jmicro.auth.signin.control.Credentials;
import dev.jmicro.auth.users.boundary.UserView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /authenticate}, the original contract: 202 {@code {"error":false,"message":"Logged in user <email>",
 * "data":<user>}}, or 401 {@code {"error":true,"message":"invalid credentials"}} for a wrong address, a wrong password
 * or an inactive user alike.
 */
@Path("authenticate")
public class AuthenticateResource {

    @Inject
    Credentials credentials;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an e-mail address and password (original contract)")
    @APIResponse(responseCode = "202", description = "Signed in; data is the user")
    @APIResponse(responseCode = "401", description = "invalid credentials")
    public Response authenticate(@Valid @NotNull SignInRequest request) {
        return credentials
                .check(request.email(), request.password())
                .map(user -> Response.accepted(new Envelope(false, "Logged in user " + user.email(), UserView.of(user)))
                        .build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(new Envelope(true, "invalid credentials", null))
                        .build());
    }
}
