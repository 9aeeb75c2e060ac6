package dev.jmicro.auth.crypto.boundary;

import dev.jmicro.auth.crypto.control.CryptoRefusal;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused encryption or decryption as a problem: 400 for what the caller sent, 503 when no keys are held. */
@Provider
public class CryptoRefusalMapper implements ExceptionMapper<CryptoRefusal> {

    @Override
    public Response toResponse(CryptoRefusal refusal) {
        Response.Status status = refusal.reason() == CryptoRefusal.Reason.NO_KEYS
                ? Response.Status.SERVICE_UNAVAILABLE
                : Response.Status.BAD_REQUEST;
        return Problem.of(status, refusal.getMessage()).toResponse();
    }
}
