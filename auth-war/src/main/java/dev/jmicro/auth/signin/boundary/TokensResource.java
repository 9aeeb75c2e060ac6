package dev.jmicro.auth.signin.boundary;

import dev.jmicro.auth.signin.control.Credentials;
import dev.jmicro.auth.signin.control.TokenIssuer;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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

/** {@code POST /tokens}: signs in and answers with a signed JWT (RS256) for the other services. */
@Path("tokens")
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
    public Response issue(@Valid @NotNull SignInRequest request) {
        return credentials
                .check(request.email(), request.password())
                .map(user -> {
                    TokenIssuer.Token token = issuer.issue(user);
                    return Response.ok(new TokenView(token.value(), "Bearer", token.expiresInSeconds()))
                            .build();
                })
                .orElseGet(() -> Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "invalid credentials")
                                .toResponse())
                        .header("WWW-Authenticate", "Bearer")
                        .build());
    }
}
