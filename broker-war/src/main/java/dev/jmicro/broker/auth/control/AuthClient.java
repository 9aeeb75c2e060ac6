package dev.jmicro.broker.signin.control;

import dev.jmicro.broker.downstream.control.ServerErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The auth service as the broker calls it. Answers stay {@link Response}s: a refusal (401, 409, 429 …) is relayed as
 * it is. The caller's {@code Authorization} and {@code X-Request-Id} go along (rest client {@code propagateHeaders}).
 */
@RegisterRestClient(configKey = "auth")
@RegisterProvider(ServerErrors.class)
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AuthClient {

    /** The original contract; {@code client} is the caller's address, for auth's throttling. */
    @POST
    @Path("authenticate")
    Response authenticate(JsonObject credentials, @HeaderParam("X-Forwarded-For") String client);

    @POST
    @Path("tokens")
    Response token(JsonObject credentials, @HeaderParam("X-Forwarded-For") String client);

    @GET
    @Path("users")
    Response users(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("q") String search);

    @GET
    @Path("users/password-policy")
    Response passwordPolicy();

    @GET
    @Path("users/{id}")
    Response user(@PathParam("id") long id);

    @POST
    @Path("users")
    Response createUser(JsonObject user);

    @PUT
    @Path("users/{id}")
    Response updateUser(@PathParam("id") long id, JsonObject user);

    @POST
    @Path("users/{id}/deactivate")
    Response deactivateUser(@PathParam("id") long id);

    /** The users whose tokens issued until a moment are revoked. */
    @GET
    @Path("tokens/revocations")
    Response revocations();

    @PUT
    @Path("users/{id}/password")
    Response resetPassword(@PathParam("id") long id, JsonObject reset);

    @DELETE
    @Path("users/{id}")
    Response deleteUser(@PathParam("id") long id);

    @PUT
    @Path("users/me/password")
    Response changeOwnPassword(JsonObject change);
}
