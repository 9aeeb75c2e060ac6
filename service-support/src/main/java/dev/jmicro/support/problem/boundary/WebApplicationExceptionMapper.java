package dev.jmicro.support.problem.boundary;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the HTTP errors that JAX-RS or our own code raise (404 for an unknown path, 405, 415, 400 …) as problem
 * documents. A response that already carries a problem entity is passed through untouched.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** RESTEasy's message for a parameter it could not convert, e.g. {@code jakarta.ws.rs.QueryParam("size")}. */
    private static final Pattern UNCONVERTIBLE_PARAMETER =
            Pattern.compile("^RESTEASY003870: .*?(?:Query|Path|Matrix)Param\\(\"([^\"]+)\"\\)");

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity() && original.getEntity() instanceof Problem) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        Matcher unconvertible = exception instanceof NotFoundException && exception.getMessage() != null
                ? UNCONVERTIBLE_PARAMETER.matcher(exception.getMessage())
                : null;
        if (unconvertible != null && unconvertible.find()) {
            // JAX-RS answers a query or path parameter it cannot convert (size=abc for an int) with 404, as if the
            // resource were missing; it is the client's malformed request, and the documented answer is a 400.
            return Problem.invalid(unconvertible.group(1), "is not of the documented type")
                    .toResponse();
        }
        Response.ResponseBuilder answer = Response.status(status)
                .type(Problem.PROBLEM_JSON)
                .entity(Problem.of(status, detailOf(exception, status)));
        // Keep the headers that matter to the client, e.g. Allow on 405 or WWW-Authenticate on 401.
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    /**
     * The exception's own message when our code wrote one, else the reason phrase. Messages of the JAX-RS runtime
     * ("RESTEASY003210: …", "HTTP 404 Not Found") describe its internals, not the client's mistake, so they are
     * not passed on.
     */
    static String detailOf(WebApplicationException exception, Response.StatusType status) {
        String message = exception.getMessage();
        boolean generic = message == null
                || message.isBlank()
                || message.startsWith("HTTP " + status.getStatusCode())
                || message.startsWith("RESTEASY");
        return generic ? status.getReasonPhrase() : message;
    }
}
