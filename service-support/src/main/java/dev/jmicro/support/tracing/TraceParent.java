package dev.jmicro.support.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * The W3C {@code traceparent} of a span, and the context one names. REST calls carry it in a header by themselves;
 * over AMQP (and in the listener's batches) the services put it in message or entry properties with this. Only a
 * service whose server.xml makes the OpenTelemetry API visible ({@code apiTypeVisibility="+third-party"}) uses it.
 */
public final class TraceParent {

    private static final String HEADER = "traceparent";

    private static final TextMapGetter<String> ONLY_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {}

    /** The traceparent of a span, or null when it is not a real (sampled or recorded) one. */
    public static String of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The context a traceparent names, as the parent of new spans; the root context for null or garbage. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONLY_TRACEPARENT);
    }
}
