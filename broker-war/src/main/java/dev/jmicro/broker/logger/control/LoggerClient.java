package dev.jmicro.broker.logger.control;

import dev.jmicro.broker.downstream.control.DownstreamErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The logger's reads and its deletion, as the broker calls them with the caller's token. Parameters are passed on as
 * given: the logger checks them and its 400 problem is relayed
 * ({@link DownstreamErrors}).
 */
@RegisterRestClient(configKey = "logger")
@RegisterProvider(DownstreamErrors.class)
@RegisterClientHeaders
@Path("logs")
@Produces(MediaType.APPLICATION_JSON)
public interface LoggerClient {

    @GET
    JsonObject search(
            @QueryParam("q") String text,
            @QueryParam("name") String name,
            @QueryParam("level") String level,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size);

    @GET
    @Path("{id}")
    JsonObject find(@PathParam("id") String id);

    @DELETE
    JsonObject deleteOlderThan(@QueryParam("before") String before);
}
