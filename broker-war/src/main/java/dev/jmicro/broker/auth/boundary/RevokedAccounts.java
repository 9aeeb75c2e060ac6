package dev.jmicro.broker.auth.boundary;

import dev.jmicro.broker.auth.control.Revocations;
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
 * Every request that carries a verified token, on any route, is refused with 401 when auth has revoked the token's
 * user's tokens since it was issued ({@link Revocations}: within {@code broker.tokens.recheck-seconds} of the
 * deactivation, demotion, deletion or new password), before any resource runs. Requests without a token are left to
 * each route's own rules.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RevokedAccounts implements ContainerRequestFilter {

    @Inject
    Revocations revocations;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
                || token.getSubject() == null) {
            return;
        }
        if (revocations.revoked(token.getSubject(), token.getIssuedAtTime())) {
            request.abortWith(Response.fromResponse(Problem.of(
                                    Response.Status.UNAUTHORIZED,
                                    "the token was revoked: its user was deactivated, demoted or deleted, or given a"
                                            + " new password; sign in again")
                            .toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build());
        }
    }
}
