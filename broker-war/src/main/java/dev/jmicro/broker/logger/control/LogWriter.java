package dev.jmicro.broker.logger.control;

import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a log write goes: to the listener's exchange over AMQP (the default: the write survives a logger outage) or
 * straight to the logger over gRPC, chosen by {@code broker.log.transport}. Either way the write carries the caller's
 * idempotency key (the client's, or a new one the caller made) and the request's trace context.
 */
@ApplicationScoped
public class LogWriter {

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
    public void write(String name, String data, String level, String key, String requestId) {
        write(configured(), name, data, level, key, requestId);
    }

    /** Returns once the entry is stored (gRPC) or in a durable queue (AMQP). */
    public void write(Transport over, String name, String data, String level, String key, String requestId) {
        LogEvent event = new LogEvent(
                name,
                data,
                level == null ? "INFO" : level.toUpperCase(Locale.ROOT),
                key,
                requestId,
                TraceParent.of(Span.current().getSpanContext()));
        if (over == Transport.GRPC) {
            grpc.write(event);
        } else {
            amqp.publish(event);
        }
    }
}
