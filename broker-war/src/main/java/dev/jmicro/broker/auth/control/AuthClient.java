package dev.jmicro.broker.auth.control;

import dev.jmicro.broker.downstream.control.DownstreamErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The auth service's sign-in and tokens as the broker calls them; an error answer is an exception
 * ({@link DownstreamErrors}). {@code client} is the caller's address, for auth's throttling.
 */
@RegisterRestClient(configKey = "auth")
@RegisterProvider(DownstreamErrors.class)
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AuthClient {

    /** The original contract: {@code {"error":false,"message":"Authenticated!","data":<user>}}. */
    @POST
    @Path("authenticate")
    JsonObject authenticate(JsonObject credentials, @HeaderParam("X-Forwarded-For") String client);

    /** {@code {access_token, token_type, expires_in}}. */
    @POST
    @Path("tokens")
    JsonObject token(JsonObject credentials, @HeaderParam("X-Forwarded-For") String client);

    /** The users whose tokens issued until a moment are revoked: {@code {"revoked":[{sub, issued_until}]}}. */
    @GET
    @Path("tokens/revocations")
    JsonObject revocations();
}
