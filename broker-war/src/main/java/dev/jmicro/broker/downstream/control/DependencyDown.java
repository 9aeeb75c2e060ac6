package dev.jmicro.broker.downstream.control;

import dev.jmicro.support.problem.entity.Problem;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The fallback of every downstream call: a 503 problem that names the dependency (from the gateway's
 * {@link Downstream}) and why it is unavailable, with {@code Retry-After}. A refusal by the dependency (a 4xx) never
 * gets here: gateways skip the fallback for it and relay the answer.
 */
public class DependencyDown implements FallbackHandler<Response> {

    @Inject
    MetricRegistry metrics;

    @Override
    public Response handle(ExecutionContext context) {
        Downstream downstream = context.getMethod().getDeclaringClass().getAnnotation(Downstream.class);
        String dependency = downstream == null ? "a dependency" : downstream.value();
        metrics.counter("broker.downstream.unavailable", new Tag("dependency", dependency))
                .inc();
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(Problem.PROBLEM_JSON)
                .header("Retry-After", 5)
                .entity(Problem.of(
                        Response.Status.SERVICE_UNAVAILABLE,
                        dependency + " is unavailable: " + reason(context.getFailure())))
                .build();
    }

    static String reason(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit open after repeated failures";
        }
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        if (failure instanceof BulkheadException) {
            return "too many calls in progress";
        }
        if (failure instanceof ServerErrorException error) {
            return "it answered " + error.getResponse().getStatus();
        }
        if (failure instanceof StatusRuntimeException grpc) {
            return "gRPC " + grpc.getStatus().getCode();
        }
        if (failure instanceof ProcessingException
                || failure instanceof ClientException
                || failure instanceof java.io.IOException) {
            return "not reachable";
        }
        return failure == null
                ? "unknown failure"
                : "call failed (" + failure.getClass().getSimpleName() + ")";
    }
}
