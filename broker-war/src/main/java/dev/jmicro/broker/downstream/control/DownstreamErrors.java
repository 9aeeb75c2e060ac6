package dev.jmicro.broker.downstream.control;

import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a downstream 5xx into an exception, so that it counts as a failure for the circuit breaker and ends in the
 * fallback; a 4xx stays a response that the broker relays (the dependency is fine, the request was not). The REST
 * client's default mapper, which throws for every status of 400 and above, is switched off in the configuration.
 */
public class ServerErrors implements ResponseExceptionMapper<ServerErrorException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 500;
    }

    @Override
    public ServerErrorException toThrowable(Response response) {
        return new ServerErrorException(response.getStatus());
    }
}
