package dev.jmicro.broker.downstream.control;

import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A dependency's error answer as an exception, so that a REST client method returns only what it asked for: a 4xx is
 * a {@link Refusal} carrying the answer (the body read at once, inside the caller's timeout, freeing the pooled
 * connection), a 5xx a {@link ServerErrorException}, a failure for the circuit breaker. The REST client's default
 * mapper is switched off in the configuration.
 */
public class DownstreamErrors implements ResponseExceptionMapper<RuntimeException> {

    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        if (response.getStatus() >= 500) {
            return new ServerErrorException(response.getStatus());
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        Map<String, String> kept = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return new Refusal(response.getStatus(), response.getMediaType(), body, kept);
    }
}
