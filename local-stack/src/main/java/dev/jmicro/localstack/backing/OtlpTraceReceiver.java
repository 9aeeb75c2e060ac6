package dev.jmicro.localstack.backing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for Jaeger where its image cannot be had (docker/local/): it receives spans over OTLP/gRPC on 4317, as
 * Jaeger's collector does, keeps the latest in memory, and answers the two questions of Jaeger's query API that the
 * container test asks, in Jaeger's shape: {@code /api/services} and {@code /api/traces/<trace id>}. No UI. Written
 * by hand over grpc-java and the OpenTelemetry protocol's generated classes because no collector or Jaeger runs on
 * a JVM; what it does not do (sampling, search, storage) a test does not need.
 */
public final class OtlpTraceReceiver implements BackingService {

    /** Spans kept, the oldest traces dropped first: a test's traces, not a day's. */
    static final int MAX_SPANS = 20_000;

    /** One received span: what a trace view shows of it. */
    record ReceivedSpan(String service, String spanId, String parentSpanId, String name, long startNanos) {}

    private final Server grpc;
    private final HttpServer query;
    private final Map<String, List<ReceivedSpan>> traces = new LinkedHashMap<>();
    private int spans;

    private OtlpTraceReceiver(InetAddress host, int otlpPort, int queryPort) throws IOException {
        grpc = NettyServerBuilder.forAddress(new InetSocketAddress(host, otlpPort))
                .addService(new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(
                            ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> response) {
                        store(request);
                        response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        response.onCompleted();
                    }
                })
                .build();
        query = HttpServer.create(new InetSocketAddress(host, queryPort), 16);
        query.createContext("/api/services", this::services);
        query.createContext("/api/traces/", this::trace);
    }

    public static OtlpTraceReceiver start(InetAddress host, int otlpPort, int queryPort) {
        try {
            OtlpTraceReceiver receiver = new OtlpTraceReceiver(host, otlpPort, queryPort);
            receiver.grpc.start();
            receiver.query.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "OTLP receiver cannot listen on " + otlpPort + " and " + queryPort + ": " + e.getMessage(), e);
        }
    }

    synchronized void store(ExportTraceServiceRequest request) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = serviceName(resourceSpans.getResource());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    String traceId = HexFormat.of().formatHex(span.getTraceId().toByteArray());
                    traces.computeIfAbsent(traceId, id -> new ArrayList<>())
                            .add(new ReceivedSpan(
                                    service,
                                    HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                                    HexFormat.of()
                                            .formatHex(span.getParentSpanId().toByteArray()),
                                    span.getName(),
                                    span.getStartTimeUnixNano()));
                    spans++;
                }
            }
        }
        Iterator<List<ReceivedSpan>> oldest = traces.values().iterator();
        while (spans > MAX_SPANS && oldest.hasNext()) {
            spans -= oldest.next().size();
            oldest.remove();
        }
    }

    /** Whether a trace is still kept. */
    synchronized boolean has(String traceId) {
        return traces.containsKey(traceId);
    }

    private static String serviceName(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if (attribute.getKey().equals("service.name")) {
                return attribute.getValue().getStringValue();
            }
        }
        return "unknown_service";
    }

    /** Jaeger's {@code GET /api/services}: {"data": [names]}. */
    private void services(HttpExchange exchange) throws IOException {
        JsonArrayBuilder names = Json.createArrayBuilder();
        synchronized (this) {
            TreeSet<String> seen = new TreeSet<>();
            traces.values().forEach(list -> list.forEach(span -> seen.add(span.service())));
            seen.forEach(names::add);
        }
        HttpAnswers.send(
                exchange,
                200,
                "application/json",
                Json.createObjectBuilder().add("data", names).build().toString());
    }

    /**
     * Jaeger's {@code GET /api/traces/<id>}: {"data": [{"traceID", "spans": [{"spanID", "operationName",
     * "references", "processID", "startTime"}], "processes": {id: {"serviceName"}}}]}, or 404 as Jaeger answers.
     */
    private void trace(HttpExchange exchange) throws IOException {
        String traceId = exchange.getRequestURI().getPath().substring("/api/traces/".length());
        List<ReceivedSpan> found;
        synchronized (this) {
            found = List.copyOf(traces.getOrDefault(traceId, List.of()));
        }
        if (found.isEmpty()) {
            HttpAnswers.send(
                    exchange,
                    404,
                    "application/json",
                    "{\"data\":null,\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}");
            return;
        }
        Map<String, String> processes = new LinkedHashMap<>();
        JsonArrayBuilder spans = Json.createArrayBuilder();
        for (ReceivedSpan span : found) {
            String process = processes.computeIfAbsent(span.service(), s -> "p" + (processes.size() + 1));
            JsonArrayBuilder references = Json.createArrayBuilder();
            if (!span.parentSpanId().isEmpty()) {
                references.add(Json.createObjectBuilder()
                        .add("refType", "CHILD_OF")
                        .add("traceID", traceId)
                        .add("spanID", span.parentSpanId()));
            }
            spans.add(Json.createObjectBuilder()
                    .add("traceID", traceId)
                    .add("spanID", span.spanId())
                    .add("operationName", span.name())
                    .add("references", references)
                    .add("startTime", span.startNanos() / 1000)
                    .add("processID", process));
        }
        JsonObjectBuilder processObjects = Json.createObjectBuilder();
        processes.forEach((service, id) ->
                processObjects.add(id, Json.createObjectBuilder().add("serviceName", service)));
        String body = Json.createObjectBuilder()
                .add(
                        "data",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("traceID", traceId)
                                        .add("spans", spans)
                                        .add("processes", processObjects)))
                .build()
                .toString();
        HttpAnswers.send(exchange, 200, "application/json", body);
    }

    @Override
    public Backing kind() {
        return Backing.TRACES;
    }

    @Override
    public String name() {
        return "otlp";
    }

    @Override
    public String describe() {
        return "OTLP/gRPC on " + grpc.getPort() + ", Jaeger's query API on http://127.0.0.1:"
                + query.getAddress().getPort() + "/api/";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "OTEL_SDK_DISABLED", "false",
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + grpc.getPort());
    }

    @Override
    public void close() {
        query.stop(0);
        grpc.shutdown();
        try {
            grpc.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
