package dev.jmicro.mail.send.boundary;

import dev.jmicro.mail.send.control.MailRefusal;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused mail order is the client's to fix: a 400 problem saying what is wrong. */
@Provider
public class MailRefusalMapper implements ExceptionMapper<MailRefusal> {

    @Override
    public Response toResponse(MailRefusal refusal) {
        return Problem.of(Response.Status.BAD_REQUEST, refusal.getMessage()).toResponse();
    }
}
