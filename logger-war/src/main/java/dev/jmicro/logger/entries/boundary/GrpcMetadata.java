package dev.jmicro.logger.entries.boundary;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Carries the optional extras of a gRPC write, which the original proto has no fields for, from the call's metadata
 * into the gRPC context: {@code log-idempotency-key} and {@code log-level}, the names the broker and other callers
 * already send.
 */
class GrpcMetadata implements ServerInterceptor {

    static final Metadata.Key<String> KEY_HEADER =
            Metadata.Key.of("log-idempotency-key", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> LEVEL_HEADER = Metadata.Key.of("log-level", Metadata.ASCII_STRING_MARSHALLER);

    static final Context.Key<String> KEY = Context.key("log-idempotency-key");
    static final Context.Key<String> LEVEL = Context.key("log-level");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Context context =
                Context.current().withValue(KEY, headers.get(KEY_HEADER)).withValue(LEVEL, headers.get(LEVEL_HEADER));
        return Contexts.interceptCall(context, call, headers, next);
    }
}
