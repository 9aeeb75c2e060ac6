package dev.jmicro.broker.logger.control;

import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads (retried: they are idempotent) and the deletion of old entries, at the logger over REST. */
@ApplicationScoped
@Downstream("logger")
@Timeout(1000)
@CircuitBreaker(skipOn = Refusal.class)
@Bulkhead(20)
public class LogReader {

    @Inject
    @RestClient
    LoggerClient logger;

    /** One page of entries, newest first: {@code {entries, page, size, total}}. */
    @Retry(abortOn = Refusal.class)
    public JsonObject search(String text, String name, String level, String from, String to, String page, String size) {
        return logger.search(text, name, level, from, to, page, size);
    }

    @Retry(abortOn = Refusal.class)
    public JsonObject find(String id) {
        return logger.find(id);
    }

    /** {@code {deleted}}: how many entries went. */
    @Timeout(3000) // a large deletion takes its time; it is retried by the operator, not here
    public JsonObject deleteOlderThan(String before) {
        return logger.deleteOlderThan(before);
    }
}
