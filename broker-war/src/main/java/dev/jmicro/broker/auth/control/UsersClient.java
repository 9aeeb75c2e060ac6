package dev.jmicro.broker.auth.control;

import dev.jmicro.broker.downstream.control.DownstreamErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The auth service's user administration, with the caller's token (rest client {@code propagateHeaders}): auth
 * decides who may do what. Bodies are auth's users, pages and password rules, passed on as they are.
 */
@RegisterRestClient(configKey = "auth")
@RegisterProvider(DownstreamErrors.class)
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Path("users")
public interface UsersClient {

    @GET
    JsonObject page(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("q") String search);

    @GET
    @Path("password-policy")
    JsonObject passwordPolicy();

    @GET
    @Path("{id}")
    JsonObject user(@PathParam("id") long id);

    @POST
    JsonObject create(JsonObject user);

    @PUT
    @Path("{id}")
    JsonObject update(@PathParam("id") long id, JsonObject user);

    @POST
    @Path("{id}/deactivate")
    JsonObject deactivate(@PathParam("id") long id);

    @PUT
    @Path("{id}/password")
    JsonObject resetPassword(@PathParam("id") long id, JsonObject reset);

    @DELETE
    @Path("{id}")
    void delete(@PathParam("id") long id);

    @PUT
    @Path("me/password")
    void changeOwnPassword(JsonObject change);
}
