package dev.jmicro.listener.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Writes a batch to the logger with a deadline, a few quick retries for a blip, and a circuit breaker so a logger
 * that is down is not hammered: while the circuit is open the call fails at once and {@link EventBatcher} waits
 * before it tries again. Nothing is dropped here; a batch that fails stays unacknowledged in the queue. A 4xx
 * answer is not retried: the same batch would be refused again (see {@link EventBatcher} for what happens then).
 */
@ApplicationScoped
public class LogWriter {

    @Inject
    @RestClient
    LoggerClient logger;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = {ProcessingException.class, ServerErrorException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientErrorException.class)
    public LoggerClient.BatchResult write(List<LoggerClient.Entry> entries) {
        return logger.write(entries);
    }
}
