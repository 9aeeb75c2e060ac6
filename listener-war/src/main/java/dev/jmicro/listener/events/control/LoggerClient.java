package dev.jmicro.listener.events.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The logger's batch write, {@code POST /logs/batch}, as this service sees it (its own types, per house style). */
@RegisterRestClient(configKey = "logger")
@RegisterProvider(LoggerResponses.class)
@Path("logs")
public interface LoggerClient {

    /** One entry of a batch; the key makes a redelivered event a duplicate instead of a second entry. */
    record Entry(String name, String data, String level, String key, String traceparent) {}

    /** What the logger did with a batch. */
    record BatchResult(int stored, int duplicates) {}

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    BatchResult write(List<Entry> entries);
}
