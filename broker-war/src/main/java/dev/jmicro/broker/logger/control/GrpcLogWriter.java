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
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Writes log entries with the logger's gRPC {@code LogService.WriteLog} (the original proto), over one channel at a time
 * (it reconnects by itself; it is replaced every {@code logger.grpc.calls-per-connection} calls, see there). Level, idempotency key, request id and the W3C trace
 * context travel as metadata: Liberty does not propagate trace context over gRPC. A refusal by the logger
 * (INVALID_ARGUMENT) is a 400 {@link Refusal}; an unreachable or slow logger a 503.
 */
@ApplicationScoped
@Downstream("logger")
public class GrpcLogWriter {

    private static final Metadata.Key<String> LEVEL = ascii("log-level");
    private static final Metadata.Key<String> KEY = ascii("log-idempotency-key");
    private static final Metadata.Key<String> TRACEPARENT = ascii("traceparent");
    private static final Metadata.Key<String> REQUEST_ID = ascii("x-request-id");

    @Inject
    @ConfigProperty(name = "logger.url", defaultValue = "http://localhost:9083")
    URI loggerUrl;

    /** host:port of the logger's gRPC service; by default the host and port of {@code logger.url} (same port). */
    @Inject
    @ConfigProperty(name = "logger.grpc.target")
    Optional<String> target;

    /**
     * Calls per connection before it is replaced, for two habits of Liberty's HTTP/2 server: it keeps the state of
     * finished gRPC streams until their connection closes (a long-lived connection fills the logger's heap), and it
     * closes a connection past 500 empty DATA frames (GOAWAY ENHANCE_YOUR_CALM), which a gRPC client sends one per
     * call. A new connection every few hundred calls keeps both away (bench/README.md has the figures).
     */
    @Inject
    @ConfigProperty(name = "logger.grpc.calls-per-connection", defaultValue = "400")
    int callsPerConnection;

    private String address;
    private volatile ManagedChannel channel;
    private final AtomicInteger calls = new AtomicInteger();

    @PostConstruct
    void open() {
        address = target.orElse(loggerUrl.getHost() + ":" + loggerUrl.getPort());
        channel = newChannel();
    }

    /** Without gRPC's own transparent retries: Fault Tolerance's {@code @Retry} below decides when to try again. */
    private ManagedChannel newChannel() {
        return NettyChannelBuilder.forTarget(address)
                .usePlaintext()
                .disableRetry()
                .build();
    }

    @PreDestroy
    void close() {
        channel.shutdownNow();
    }

    /** The current channel; every {@code callsPerConnection} calls a new one, the old one closing once it is idle. */
    private ManagedChannel channel() {
        if (calls.incrementAndGet() % callsPerConnection == 0) {
            ManagedChannel old = channel;
            channel = newChannel();
            old.shutdown(); // graceful: calls in flight on it finish
        }
        return channel;
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
            LogServiceGrpc.newBlockingStub(channel())
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                    .withDeadlineAfter(900, TimeUnit.MILLISECONDS)
                    .writeLog(request);
        } catch (StatusRuntimeException e) {
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
