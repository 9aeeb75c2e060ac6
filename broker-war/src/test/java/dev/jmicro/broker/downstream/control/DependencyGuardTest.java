package dev.jmicro.broker.downstream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.qpid.protonj2.client.exceptions.ClientConnectionRemotelyClosedException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** The reasons a 503 gives: an operator reads them to know what to look at. */
class DependencyGuardTest {

    @Test
    void eachFailureHasItsReason() {
        assertEquals("circuit open after repeated failures", DependencyGuard.reason(new CircuitBreakerOpenException()));
        assertEquals("no answer in time", DependencyGuard.reason(new TimeoutException()));
        assertEquals("too many calls in progress", DependencyGuard.reason(new BulkheadException()));
        assertEquals("gRPC UNAVAILABLE", DependencyGuard.reason(Status.UNAVAILABLE.asRuntimeException()));
        assertEquals("not reachable", DependencyGuard.reason(new ClientConnectionRemotelyClosedException("gone")));
        assertEquals("not reachable", DependencyGuard.reason(new UncheckedIOException(new IOException("refused"))));
        assertEquals("call failed (IllegalStateException)", DependencyGuard.reason(new IllegalStateException("x")));
    }
}
