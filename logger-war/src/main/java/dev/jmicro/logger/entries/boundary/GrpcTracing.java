package dev.jmicro.logger.entries.boundary;

import dev.jmicro.support.tracing.TraceParent;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Continues the caller's trace on gRPC calls: Liberty traces REST by itself but not gRPC. It reads the W3C
 * {@code traceparent} from the call's metadata, opens a server span as its child and makes it current while the call
 * runs, so the store and everything below join the caller's trace. Liberty creates interceptors itself (server.xml
 * {@code <grpc serverInterceptors>}), without CDI, and Liberty's OpenTelemetry bean cannot be created on a gRPC
 * thread: the tracer is handed over once at start ({@link Startup}).
 */
public class GrpcTracing implements ServerInterceptor {

    private static final Metadata.Key<String> TRACEPARENT =
            Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    private static volatile Tracer tracer;

    /** Hands Liberty's tracer to the interceptor while the application starts. */
    @ApplicationScoped
    public static class Startup {

        @Inject
        OpenTelemetry openTelemetry;

        void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
            tracer = openTelemetry.getTracer("logger-grpc");
        }
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Tracer current = tracer;
        if (current == null) {
            return next.startCall(call, headers);
        }
        Span span = current.spanBuilder(call.getMethodDescriptor().getFullMethodName())
                .setSpanKind(SpanKind.SERVER)
                .setParent(TraceParent.parentOf(headers.get(TRACEPARENT)))
                .setAttribute("rpc.system", "grpc")
                .setAttribute("rpc.method", call.getMethodDescriptor().getFullMethodName())
                .startSpan();
        Context context = Context.current().with(span);
        ServerCall<Q, R> traced = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                span.setAttribute("rpc.grpc.status_code", status.getCode().value());
                if (!status.isOk()) {
                    span.setStatus(StatusCode.ERROR, status.getCode().name());
                }
                span.end();
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try (Scope scope = context.makeCurrent()) {
            listener = next.startCall(traced, headers);
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (Scope scope = context.makeCurrent()) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (Scope scope = context.makeCurrent()) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                try (Scope scope = context.makeCurrent()) {
                    super.onCancel();
                } finally {
                    span.end();
                }
            }
        };
    }
}
