package dev.jmicro.broker.downstream.control;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * A dependency's 4xx answer: it is up and said no (a bad request, a taken address, a wrong password, too many
 * sign-ins). Not a failure for the circuit breaker, never retried; the broker hands it to its client as it came.
 *
 * <p>{@code body} is the answer as received (usually a problem document), or the broker's own {@link Problem} when
 * the refusal came in another form (a gRPC status).
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient MediaType type;
    private final transient Object body;
    private final Map<String, String> headers;

    public Refusal(int status, MediaType type, Object body, Map<String, String> headers) {
        super("refused with " + status, null, false, false);
        this.status = status;
        this.type = type;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    /** A refusal the broker words itself. */
    public static Refusal of(Problem problem) {
        return new Refusal(problem.status(), Problem.PROBLEM_JSON, problem, Map.of());
    }

    /** The answer's headers a client needs ({@code Retry-After}, {@code WWW-Authenticate}). */
    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public MediaType type() {
        return type;
    }

    /** What the client gets: the answer as received, or a {@link Problem}; null when it had none. */
    public Object body() {
        return body;
    }
}
