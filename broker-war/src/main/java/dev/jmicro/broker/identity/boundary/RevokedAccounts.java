package dev.jmicro.broker.identity.boundary;

import dev.jmicro.broker.identity.control.AccountChecks;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every request that carries a verified token, on any route, is refused with 401 once the token's user has been
 * deactivated or deleted ({@link AccountChecks}: within {@code broker.tokens.recheck-seconds}), before any resource
 * runs. Requests without a token are left to each route's own rules.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RevokedAccounts implements ContainerRequestFilter {

    @Inject
    AccountChecks accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
                || token.getSubject() == null) {
            return;
        }
        if (!accounts.mayAct(token.getSubject())) {
            request.abortWith(Response.fromResponse(Problem.of(
                                    Response.Status.UNAUTHORIZED, "the account is deactivated or deleted")
                            .toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build());
        }
    }
}
