package dev.jmicro.broker.original.boundary;

import dev.jmicro.broker.downstream.control.JsonBodies;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Error answers of the original endpoints stay problem documents (RFC 9457) and also carry the original envelope's
 * members, {@code "error": true} and {@code "message"} (RFC 9457 allows extension members): a client written for the
 * original broker reads {@code error} and {@code message}, a new one reads the problem.
 */
@Provider
@OriginalContract
public class OriginalErrors implements ContainerResponseFilter {

    /** A problem document with the original envelope's two members. */
    public record CompatibleProblem(
            String type,
            String title,
            int status,
            String detail,
            List<Problem.FieldError> errors,
            boolean error,
            String message) {}

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof Problem problem) {
            response.setEntity(new CompatibleProblem(
                    problem.type(),
                    problem.title(),
                    problem.status(),
                    problem.detail(),
                    problem.errors(),
                    true,
                    problem.detail()));
        } else if (entity instanceof String relayed && Problem.PROBLEM_JSON.isCompatible(response.getMediaType())) {
            JsonObject problem = JsonBodies.objectOf(relayed);
            response.setEntity(JSON.createObjectBuilder(problem)
                    .add("error", true)
                    .add("message", problem.getString("detail", problem.getString("title", "failed")))
                    .build()
                    .toString());
        }
    }
}
