package dev.jmicro.support.problem.entity;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. {@code type} stays {@code about:blank} unless a service defines its own problem types,
 * in which case {@code title} is the short, fixed summary of that type and {@code detail} explains this occurrence.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** A problem of the generic type whose title is the standard reason phrase of the status. */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** The HTTP response that carries this problem. */
    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
