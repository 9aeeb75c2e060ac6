package dev.jmicro.broker.downstream.control;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A downstream answer read to the end and rebuilt as the broker's own response: status, content type, body and the
 * headers a client needs. Reading it inside the gateway keeps the whole call under the gateway's timeout and frees the
 * pooled connection at once.
 */
public final class Relay {

    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

    private Relay() {}

    public static Response of(Response downstream) {
        try (downstream) {
            Response.ResponseBuilder answer = Response.status(downstream.getStatus());
            if (downstream.hasEntity()) {
                answer.entity(downstream.readEntity(String.class)).type(downstream.getMediaType());
            }
            // The dependency's own address of a created resource (/users/7) is the broker's under /api (api/users/7);
            // JAX-RS resolves the relative location against the broker's base URI.
            if (downstream.getLocation() != null) {
                answer.location(URI.create("api" + downstream.getLocation().getPath()));
            }
            for (String name : KEPT_HEADERS) {
                String value = downstream.getHeaderString(name);
                if (value != null) {
                    answer.header(name, value);
                }
            }
            return answer.build();
        }
    }
}
