package dev.jmicro.broker.downstream.boundary;

import dev.jmicro.broker.downstream.control.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A dependency's refusal goes to the client as the dependency answered it: status, body, type, the kept headers. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        Response.ResponseBuilder answer = Response.status(refusal.status());
        if (refusal.body() != null) {
            answer.entity(refusal.body()).type(refusal.type());
        }
        refusal.headers().forEach(answer::header);
        return answer.build();
    }
}
