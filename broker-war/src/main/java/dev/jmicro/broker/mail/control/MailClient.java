package dev.jmicro.broker.mail.control;

import dev.jmicro.broker.downstream.control.DownstreamErrors;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The mail service's {@code POST /send} (the idempotency key makes a retried send one mail) and its deliveries. */
@RegisterRestClient(configKey = "mail")
@RegisterProvider(DownstreamErrors.class)
@RegisterClientHeaders
public interface MailClient {

    @POST
    @Path("send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    /** 202 with {@code {"error":false,"message":"sent to <to>"}} and the delivery's address in {@code Location}. */
    Response send(JsonObject mail, @HeaderParam("Idempotency-Key") String idempotencyKey);

    /** Where a mail is: queued, sent or failed. */
    @GET
    @Path("mails/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject delivery(@PathParam("id") String id);
}
