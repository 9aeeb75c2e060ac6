package dev.jmicro.broker.edge.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sensible token, else a new UUID. It is
 * written back into the request's headers, so resources read it like any header and the REST clients pass it on
 * ({@code propagateHeaders}); gRPC metadata and AMQP properties carry it too; the answer echoes it.
 */
@Provider
@PreMatching
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.getHeaders().putSingle(HEADER, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
