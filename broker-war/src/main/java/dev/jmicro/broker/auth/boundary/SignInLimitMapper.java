package dev.jmicro.broker.auth.boundary;

import dev.jmicro.broker.auth.control.TooManySignIns;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The broker's own sign-in limit: 429 with {@code Retry-After}. */
@Provider
public class SignInLimitMapper implements ExceptionMapper<TooManySignIns> {

    @Override
    public Response toResponse(TooManySignIns limited) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, limited.getMessage())
                .toResponseRetryingAfter(limited.retryAfterSeconds());
    }
}
