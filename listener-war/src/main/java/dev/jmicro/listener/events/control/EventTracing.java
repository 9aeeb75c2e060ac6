package dev.jmicro.listener.events.control;

import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Continues the publisher's trace: one consumer span per event, child of the publisher's {@code traceparent}, whose
 * own traceparent travels with the entry to the logger. So one trace shows publisher → listener → logger even though
 * the listener stores events in batches. (The connector's own tracing is off: its OpenTelemetry is not Liberty's.)
 */
@ApplicationScoped
public class EventTracing {

    @Inject
    OpenTelemetry openTelemetry;

    private volatile Tracer tracer;

    /**
     * Resolves the tracer while the application starts. Liberty's OpenTelemetry bean can only be created on a thread
     * that knows the application, and messages arrive on the connector's own threads, where creating it fails.
     */
    void start(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        tracer = openTelemetry.getTracer("listener");
    }

    /** Starts the span for one received event; the caller ends it when the event is settled. */
    public Span received(String traceparent, String queue, String messageId) {
        if (tracer == null) {
            return Span.getInvalid();
        }
        var builder = tracer.spanBuilder(queue + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceParent.parentOf(traceparent))
                .setAttribute("messaging.system", "amqp")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", queue);
        if (messageId != null) {
            builder.setAttribute("messaging.message.id", messageId);
        }
        return builder.startSpan();
    }

    /** Ends a span with the event's fate. */
    public static void settled(Span span, String refusal) {
        if (refusal != null) {
            span.setStatus(StatusCode.ERROR, refusal);
        }
        span.end();
    }
}
