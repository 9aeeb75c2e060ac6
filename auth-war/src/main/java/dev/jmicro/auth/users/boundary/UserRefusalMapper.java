package dev.jmicro.auth.users.boundary;

import dev.jmicro.auth.users.control.UserRefusal;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused user read or change as a problem: 404 for a missing user, 400 for a password, 409 for a conflict. */
@Provider
public class UserRefusalMapper implements ExceptionMapper<UserRefusal> {

    @Override
    public Response toResponse(UserRefusal refusal) {
        return switch (refusal.reason()) {
            case NO_SUCH_USER ->
                Problem.of(Response.Status.NOT_FOUND, refusal.getMessage()).toResponse();
            case WRONG_CURRENT_PASSWORD ->
                Problem.of(Response.Status.BAD_REQUEST, refusal.getMessage()).toResponse();
            case WEAK_PASSWORD ->
                Problem.invalid("password", refusal.getMessage()).toResponse();
            case LAST_ADMINISTRATOR, EMAIL_TAKEN ->
                Problem.of(Response.Status.CONFLICT, refusal.getMessage()).toResponse();
        };
    }
}
