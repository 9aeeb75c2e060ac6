package dev.jmicro.broker.downstream.control;

import io.grpc.StatusRuntimeException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Around every {@link Downstream} call, outside Fault Tolerance's guards (a lower priority runs first): what is left
 * of a failure once timeout, retry, circuit breaker and bulkhead have had their say becomes one
 * {@link DependencyUnavailable} naming the dependency and why, counted in {@code broker_downstream_unavailable_total}.
 * A {@link Refusal} passes as it is: the dependency is fine, the request was not.
 */
@Downstream("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DependencyGuard {

    @Inject
    MetricRegistry metrics;

    @AroundInvoke
    Object guard(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (Refusal refusal) {
            throw refusal;
        } catch (Exception failure) {
            String dependency = call.getMethod()
                    .getDeclaringClass()
                    .getAnnotation(Downstream.class)
                    .value();
            metrics.counter("broker.downstream.unavailable", new Tag("dependency", dependency))
                    .inc();
            throw new DependencyUnavailable(dependency, reason(failure), failure);
        }
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
                || failure instanceof java.io.IOException
                || failure instanceof java.io.UncheckedIOException) {
            return "not reachable";
        }
        return "call failed (" + failure.getClass().getSimpleName() + ")";
    }
}
