package dev.jmicro.support.problem.entity;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} stays {@code about:blank} unless a service defines its own problem types,
 * in which case {@code title} is the short, fixed summary of that type and {@code detail} explains this occurrence.
 * {@code errors} lists what was wrong with which field of a request (omitted when there is none).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One field of the request and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null);
    }

    /** A problem of the generic type whose title is the standard reason phrase of the status. */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** A 400 for one field of the request, with the field named in {@code errors} as a form needs it. */
    public static Problem invalid(String field, String message) {
        Response.StatusType status = Response.Status.BAD_REQUEST;
        return new Problem(
                "about:blank",
                status.getReasonPhrase(),
                status.getStatusCode(),
                field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** The HTTP response that carries this problem. */
    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    /** The HTTP response that carries this problem and tells the client when to try again (a 429 or a 503). */
    public Response toResponseRetryingAfter(long seconds) {
        return Response.fromResponse(toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
