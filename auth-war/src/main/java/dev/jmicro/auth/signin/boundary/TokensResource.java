package dev.jmicro.auth.signin.boundary;

import dev.jmicro.auth.signin.control.Credentials;
import dev.jmicro.auth.signin.control.SignInOutcome;
import dev.jmicro.auth.signin.control.TokenIssuer;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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

/** {@code POST /tokens}: signs in and answers with a signed JWT (RS256) for the other services. */
@ApplicationScoped
@Path("tokens")
@Tag(name = "sign-in", description = "Checking passwords and issuing signed tokens")
public class TokensResource {

    /** An OAuth-style token answer. */
    public record TokenView(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn) {}

    @Inject
    Credentials credentials;

    @Inject
    TokenIssuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in and get a signed token")
    @APIResponse(responseCode = "200", description = "The token")
    @APIResponse(responseCode = "401", description = "invalid credentials (application/problem+json)")
    @APIResponse(responseCode = "429", description = "too many failed sign-ins; see Retry-After")
    public Response issue(@Valid @NotNull SignInRequest request, @Context HttpServletRequest http) {
        // The client's address: Liberty's <remoteIp> has taken it from X-Forwarded-For if a trusted proxy sent it.
        SignInOutcome outcome = credentials.check(request.email(), request.password(), http.getRemoteAddr());
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            TokenIssuer.Token token = issuer.issue(signedIn.user());
            return Response.ok(new TokenView(token.value(), "Bearer", token.expiresInSeconds()))
                    .build();
        }
        if (outcome instanceof SignInOutcome.Locked locked) {
            long seconds = locked.retryAfterSeconds();
            return Problem.of(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too many failed sign-ins; try again in " + seconds + " s")
                    .toResponseRetryingAfter(seconds);
        }
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "invalid credentials")
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
