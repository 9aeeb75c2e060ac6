package dev.jmicro.broker.downstream.boundary;

import dev.jmicro.broker.downstream.control.DependencyUnavailable;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A dependency that is unavailable is a fast 503 problem naming it and why, with {@code Retry-After}. */
@Provider
public class DependencyUnavailableMapper implements ExceptionMapper<DependencyUnavailable> {

    @Override
    public Response toResponse(DependencyUnavailable unavailable) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, unavailable.getMessage())
                .toResponseRetryingAfter(5);
    }
}
