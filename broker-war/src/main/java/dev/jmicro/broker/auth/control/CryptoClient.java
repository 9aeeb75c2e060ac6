package dev.jmicro.broker.crypto.control;

import dev.jmicro.broker.downstream.control.ServerErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Auth's {@code /crypto}; the caller's token goes along (rest client {@code propagateHeaders}), auth checks it. */
@RegisterRestClient(configKey = "auth")
@RegisterProvider(ServerErrors.class)
@RegisterClientHeaders
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CryptoClient {

    @POST
    @Path("crypto/encrypt")
    Response encrypt(JsonObject request);

    @POST
    @Path("crypto/decrypt")
    Response decrypt(JsonObject request);

    @GET
    @Path("crypto/keys")
    Response keys();
}
