package dev.jmicro.listener.events.control;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Sorts the logger's error answers into the two kinds the listener treats differently. The REST client's default
 * throws a plain {@link WebApplicationException} for every status, so a refused batch looked like an outage: it was
 * retried forever and opened the circuit. Now a 4xx is a {@link ClientErrorException} (the same entries would be
 * refused again: find and dead-letter them), and a 5xx, 408 or 429 a {@link ServerErrorException} (try again later).
 */
public class LoggerResponses implements ResponseExceptionMapper<WebApplicationException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public WebApplicationException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new ServerErrorException("logger answered " + status, response);
        }
        if (status == 408 || status == 429) {
            return new ServerErrorException("logger busy (" + status + ")", Response.Status.SERVICE_UNAVAILABLE);
        }
        return new ClientErrorException("logger refused it: HTTP " + status + detailOf(response), response);
    }

    /** The problem document's detail, when there is one to read. */
    private static String detailOf(Response response) {
        try {
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? "" : " " + body;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
