package dev.jmicro.broker.logger.control;

import dev.jmicro.broker.downstream.control.Downstream;
import dev.jmicro.broker.downstream.control.Refusal;
import dev.jmicro.logger.grpc.Log;
import dev.jmicro.logger.grpc.LogRequest;
import dev.jmicro.logger.grpc.LogServiceGrpc;
import dev.jmicro.support.problem.entity.Problem;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Writes log entries with the logger's gRPC {@code LogService.WriteLog} (the original proto) over one long-lived
 * channel, which reconnects by itself. Level, idempotency key, request id and the W3C trace context travel as
 * metadata. A refusal by the logger (INVALID_ARGUMENT) is a 400 {@link Refusal}; an unreachable or slow logger a 503.
 */
@ApplicationScoped
@Downstream("logger")
public class GrpcLogWriter {

    private static final Metadata.Key<String> LEVEL = ascii("log-level");
    private static final Metadata.Key<String> KEY = ascii("log-idempotency-key");
    private static final Metadata.Key<String> TRACEPARENT = ascii("traceparent");
    private static final Metadata.Key<String> REQUEST_ID = ascii("x-request-id");

    /** host:port of the logger's gRPC service. */
    @Inject
    @ConfigProperty(name = "logger.grpc.target", defaultValue = "localhost:50001")
    String target;

    private ManagedChannel channel;

    /** Without gRPC's own transparent retries: Fault Tolerance's {@code @Retry} below decides when to try again. */
    @PostConstruct
    void open() {
        channel = NettyChannelBuilder.forTarget(target)
                .usePlaintext()
                .disableRetry()
                .build();
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }

    @Timeout(1000)
    @Retry(abortOn = Refusal.class)
    @CircuitBreaker(skipOn = Refusal.class)
    @Bulkhead(50)
    public void write(LogEvent event) {
        Metadata metadata = new Metadata();
        metadata.put(LEVEL, event.level());
        metadata.put(KEY, event.key());
        metadata.put(REQUEST_ID, event.requestId());
        if (event.traceparent() != null) {
            metadata.put(TRACEPARENT, event.traceparent());
        }
        LogRequest request = LogRequest.newBuilder()
                .setLogEntry(Log.newBuilder().setName(event.name()).setData(event.data()))
                .build();
        try {
            LogServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                    .withDeadlineAfter(900, TimeUnit.MILLISECONDS)
                    .writeLog(request);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                // The channel's own reconnect backoff grows to two minutes while the logger is away: after a restart
                // of 25 s it came back 30 s late (FaultBenchmark). Fault Tolerance paces the calls; each failed one
                // lets the next try to connect at once.
                channel.resetConnectBackoff();
            }
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw Refusal.of(Problem.of(
                        Response.Status.BAD_REQUEST,
                        "the logger refused the entry: " + e.getStatus().getDescription()));
            }
            throw e;
        }
    }

    private static Metadata.Key<String> ascii(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}
