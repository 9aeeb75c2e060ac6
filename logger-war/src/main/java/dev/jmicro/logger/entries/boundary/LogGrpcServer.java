package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.control.LogBook;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The original gRPC {@code logs.LogService} on a port of its own ({@code GRPC_PORT}, 50001 as in the original), served
 * by grpc-java's Netty transport, packaged in the WAR. Not Liberty's {@code grpc-1.0}: under sustained load its HTTP/2
 * server kept finished streams until their connection closed (the heap filled), closed busy connections (GOAWAY
 * ENHANCE_YOUR_CALM) and paused for up to 2 s (bench/README.md has the figures).
 *
 * <p>The handlers run on threads of Liberty's {@link ManagedThreadFactory}, so they have the application's context
 * (CDI, configuration, metrics); Netty's own threads only move bytes. It binds where the HTTP port does
 * ({@code HTTP_HOST}: localhost for a local run, all addresses in a container).
 */
@ApplicationScoped
public class LogGrpcServer {

    private static final Logger LOG = Logger.getLogger(LogGrpcServer.class.getName());

    @Inject
    @ConfigProperty(name = "grpc.port", defaultValue = "50001")
    int port;

    @Inject
    @ConfigProperty(name = "http.host", defaultValue = "localhost")
    String host;

    /** Calls handled at once; more wait in the executor's queue (the bench's 16 connections need about 8). */
    @Inject
    @ConfigProperty(name = "grpc.threads", defaultValue = "16")
    int threads;

    @Inject
    LogBook book;

    @Inject
    OpenTelemetry openTelemetry;

    @Resource
    ManagedThreadFactory threadFactory;

    private ExecutorService handlers;
    private Server server;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        handlers = Executors.newFixedThreadPool(threads, threadFactory);
        InetSocketAddress address = "*".equals(host) ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        server = NettyServerBuilder.forAddress(address)
                // A restart after a crash binds the port again at once, even with its old connections in TIME_WAIT.
                .withOption(ChannelOption.SO_REUSEADDR, true)
                .executor(handlers)
                .maxInboundMessageSize(1024 * 1024)
                // The last interceptor runs first: the span is open before the metadata is read.
                .addService(ServerInterceptors.intercept(
                        new LogGrpcService(book),
                        new GrpcMetadata(),
                        new GrpcTracing(openTelemetry.getTracer("logger-grpc"))))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new UncheckedIOException("gRPC: cannot listen on " + address + ": " + e.getMessage(), e);
        }
        LOG.info("gRPC logs.LogService listening on " + address);
    }

    /** Lets calls in flight finish for up to 5 s (Liberty's quiesce), then ends the rest. */
    @PreDestroy
    void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            handlers.shutdownNow();
        }
    }
}
