package dev.jmicro.broker.logs.control;

import dev.jmicro.broker.downstream.control.DependencyDown;
import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Relay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads (retried once: they are idempotent) and the deletion of old entries, at the logger over REST. */
@ApplicationScoped
@Downstream("logger")
@Timeout(1000)
@CircuitBreaker(requestVolumeThreshold = 40, failureRatio = 0.75, delay = 5000, successThreshold = 1)
@Bulkhead(20)
public class LoggerGateway {

    @Inject
    @RestClient
    LoggerClient logger;

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response search(String text, String name, String level, String from, String to, String page, String size) {
        return Relay.of(logger.search(text, name, level, from, to, page, size));
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25)
    @Fallback(DependencyDown.class)
    public Response find(String id) {
        return Relay.of(logger.find(id));
    }

    @Timeout(3000) // a large deletion takes its time; it is retried by the operator, not here
    @Fallback(DependencyDown.class)
    public Response deleteOlderThan(String before) {
        return Relay.of(logger.deleteOlderThan(before));
    }
}
