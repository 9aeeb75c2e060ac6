package dev.jmicro.auth.signin.boundary;

import dev.jmicro.auth.signin.control.NoSigningKey;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Without a signing key the service cannot do its job for now: 503. */
@Provider
public class NoSigningKeyMapper implements ExceptionMapper<NoSigningKey> {

    @Override
    public Response toResponse(NoSigningKey missing) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, missing.getMessage())
                .toResponse();
    }
}
