package dev.jmicro.broker.auth.boundary;

import dev.jmicro.broker.auth.control.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/auth/token}: sign in and get the auth service's signed token (RS256) for every other call. */
@ApplicationScoped
@Path("api/auth/token")
@Tag(name = "sign-in", description = "A signed token for an email address and password")
public class TokenResource {

    @Inject
    SignIns signIns;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in and get a bearer token")
    @APIResponse(responseCode = "200", description = "{access_token, token_type, expires_in}")
    @APIResponse(responseCode = "401", description = "invalid credentials (application/problem+json)")
    @APIResponse(responseCode = "429", description = "too many sign-ins; see Retry-After")
    @APIResponse(responseCode = "503", description = "auth is unavailable")
    public JsonObject token(@Valid @NotNull Credentials credentials, @Context HttpServletRequest http) {
        // The client's address: Liberty's <remoteIp> has taken it from a trusted proxy's X-Forwarded-For.
        return signIns.token(credentials.toJson(), http.getRemoteAddr());
    }
}
