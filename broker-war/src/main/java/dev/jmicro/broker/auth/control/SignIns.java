package dev.jmicro.broker.signin.boundary;

import dev.jmicro.broker.signin.control.AuthGateway;
import dev.jmicro.broker.signin.control.SignInRateLimit;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A sign-in as both the original {@code /handle} and {@code /api/auth/token} do it: the client's rate limit first,
 * then auth, told who the client is ({@code X-Forwarded-For}) for its own throttling.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    SignInRateLimit rateLimit;

    @Inject
    AuthGateway auth;

    /** Auth's {@code /authenticate} answer, or a 429 problem. */
    public Response authenticate(Credentials credentials, HttpServletRequest http) {
        String client = clientOf(http);
        return limited(client).orElseGet(() -> auth.authenticate(credentials.toJson(), client));
    }

    /** Auth's {@code /tokens} answer, or a 429 problem. */
    public Response token(Credentials credentials, HttpServletRequest http) {
        String client = clientOf(http);
        return limited(client).orElseGet(() -> auth.token(credentials.toJson(), client));
    }

    /** The client's address: Liberty's {@code <remoteIp>} has taken it from a trusted proxy's X-Forwarded-For. */
    private static String clientOf(HttpServletRequest http) {
        return http.getRemoteAddr();
    }

    private Optional<Response> limited(String client) {
        OptionalLong wait = rateLimit.tryAcquire(client);
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(Problem.of(
                                Response.Status.TOO_MANY_REQUESTS,
                                "too many sign-ins from this client; try again in " + wait.getAsLong() + " s")
                        .toResponse())
                .header(HttpHeaders.RETRY_AFTER, wait.getAsLong())
                .build());
    }
}
