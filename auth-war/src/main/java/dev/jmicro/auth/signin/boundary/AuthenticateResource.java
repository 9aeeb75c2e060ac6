package dev.jmicro.auth.signin.boundary;

import dev.jmicro.auth.signin.control.Credentials;
import dev.jmicro.auth.signin.control.SignInOutcome;
import dev.jmicro.auth.users.boundary.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /authenticate}, the original contract: 202 {@code {"error":false,"message":"Logged in user <email>",
 * "data":<user>}}, or 401 {@code {"error":true,"message":"invalid credentials"}} for a wrong address, a wrong password
 * or an inactive user alike.
 */
@ApplicationScoped
@Path("authenticate")
@Tag(name = "sign-in", description = "Checking passwords and issuing signed tokens")
public class AuthenticateResource {

    @Inject
    Credentials credentials;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an e-mail address and password (original contract)")
    @APIResponse(responseCode = "202", description = "Signed in; data is the user")
    @APIResponse(responseCode = "401", description = "invalid credentials")
    @APIResponse(responseCode = "429", description = "too many failed sign-ins; see Retry-After")
    public Response authenticate(@Valid @NotNull SignInRequest request, @Context HttpServletRequest http) {
        // The client's address: Liberty's <remoteIp> has taken it from X-Forwarded-For if a trusted proxy sent it.
        SignInOutcome outcome = credentials.check(request.email(), request.password(), http.getRemoteAddr());
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            return Response.accepted(new Envelope(
                            false, "Logged in user " + signedIn.user().email(), UserView.of(signedIn.user())))
                    .build();
        }
        if (outcome instanceof SignInOutcome.Locked locked) {
            long seconds = locked.retryAfterSeconds();
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .entity(new Envelope(true, "too many failed sign-ins; try again in " + seconds + " s", null))
                    .build();
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(new Envelope(true, "invalid credentials", null))
                .build();
    }
}
