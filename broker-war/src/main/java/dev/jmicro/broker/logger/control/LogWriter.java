package dev.jmicro.broker.logs.control;

import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a log write goes: to the listener's exchange over AMQP (the default: the write survives a logger outage) or
 * straight to the logger over gRPC, chosen by {@code broker.log.transport}. Either way the write carries the caller's
 * idempotency key (the client's, or a new one the caller made) and the request's trace context.
 */
@ApplicationScoped
public class LogWrites {

    /** The two ways to the logger. */
    public enum Transport {
        AMQP,
        GRPC
    }

    @Inject
    @ConfigProperty(name = "broker.log.transport", defaultValue = "amqp")
    String transport;

    @Inject
    AmqpLogPublisher amqp;

    @Inject
    GrpcLogWriter grpc;

    public Transport configured() {
        return Transport.valueOf(transport.trim().toUpperCase(Locale.ROOT));
    }

    /** Over the configured transport. */
    public Response write(String name, String data, String level, String key, String requestId) throws ClientException {
        return write(configured(), name, data, level, key, requestId);
    }

    public Response write(Transport over, String name, String data, String level, String key, String requestId)
            throws ClientException {
        LogEvent event = new LogEvent(
                name,
                data,
                level == null ? "INFO" : level.toUpperCase(Locale.ROOT),
                key,
                requestId,
                TraceParent.of(Span.current().getSpanContext()));
        return over == Transport.GRPC ? grpc.write(event) : amqp.publish(event);
    }
}
