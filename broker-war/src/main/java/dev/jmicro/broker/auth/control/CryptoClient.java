package dev.jmicro.broker.auth.control;

import dev.jmicro.broker.downstream.control.DownstreamErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Auth's {@code /crypto}; the caller's token goes along (rest client {@code propagateHeaders}), auth checks it. */
@RegisterRestClient(configKey = "auth")
@RegisterProvider(DownstreamErrors.class)
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Path("crypto")
public interface CryptoClient {

    @POST
    @Path("encrypt")
    JsonObject encrypt(JsonObject request);

    @POST
    @Path("decrypt")
    JsonObject decrypt(JsonObject request);

    @GET
    @Path("keys")
    JsonObject keys();
}
