package dev.jmicro.localstack.backing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.jmicro.localstack.support.Http;
import dev.jmicro.localstack.support.Ports;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Jaeger stand-in, spoken to as the services' OTLP exporter and the container test speak to Jaeger. */
class OtlpTraceReceiverTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void spansExportedOverOtlpGrpcAreOneTraceInJaegersQueryShape() throws Exception {
        int query = Ports.free();
        try (OtlpTraceReceiver receiver = OtlpTraceReceiver.start(InetAddress.getLoopbackAddress(), 0, query)) {
            int otlp = Integer.parseInt(
                    receiver.environment().get("OTEL_EXPORTER_OTLP_ENDPOINT").replaceAll(".*:", ""));
            export(otlp, request("broker", span("00f067aa0ba902b7", "", "POST /handle")));
            export(otlp, request("logger", span("b7ad6b7169203331", "00f067aa0ba902b7", "store log entry")));

            URI api = URI.create("http://127.0.0.1:" + query + "/api/");
            HttpResponse<String> found = Http.get(api.resolve("traces/" + TRACE));
            assertEquals(200, found.statusCode(), found.body());
            JsonObject trace = Http.object(found).getJsonArray("data").getJsonObject(0);
            assertEquals(TRACE, trace.getString("traceID"));
            JsonArray spans = trace.getJsonArray("spans");
            assertEquals(2, spans.size());
            JsonObject child = spans.getJsonObject(1);
            assertEquals("store log entry", child.getString("operationName"));
            assertEquals(
                    "00f067aa0ba902b7",
                    child.getJsonArray("references").getJsonObject(0).getString("spanID"),
                    "the child names its parent");
            assertEquals(
                    "logger",
                    trace.getJsonObject("processes")
                            .getJsonObject(child.getString("processID"))
                            .getString("serviceName"));
            assertEquals(
                    List.of("broker", "logger"),
                    Http.object(Http.get(api.resolve("services")))
                            .getJsonArray("data")
                            .getValuesAs(jakarta.json.JsonString.class)
                            .stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList());
            assertEquals(
                    404,
                    Http.get(api.resolve("traces/0123456789abcdef0123456789abcdef"))
                            .statusCode());
        }
    }

    @Test
    void theOldestTracesGoFirstOnceTheLimitIsReached() {
        try (OtlpTraceReceiver receiver = OtlpTraceReceiver.start(InetAddress.getLoopbackAddress(), 0, 0)) {
            for (int i = 0; i <= OtlpTraceReceiver.MAX_SPANS; i++) {
                String traceId = String.format("%032x", i + 1);
                receiver.store(ExportTraceServiceRequest.newBuilder()
                        .addResourceSpans(ResourceSpans.newBuilder()
                                .addScopeSpans(ScopeSpans.newBuilder()
                                        .addSpans(Span.newBuilder()
                                                .setTraceId(bytes(traceId))
                                                .setSpanId(bytes("00f067aa0ba902b7"))
                                                .setName("span " + i))))
                        .build());
            }
            assertTrue(receiver.has(String.format("%032x", OtlpTraceReceiver.MAX_SPANS + 1)), "the newest is kept");
            assertTrue(!receiver.has(String.format("%032x", 1)), "the oldest is gone");
        }
    }

    private static void export(int port, ExportTraceServiceRequest request) throws InterruptedException {
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            TraceServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .export(request);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ExportTraceServiceRequest request(String service, Span span) {
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder()
                                .addAttributes(KeyValue.newBuilder()
                                        .setKey("service.name")
                                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
                .build();
    }

    private static Span span(String id, String parent, String name) {
        return Span.newBuilder()
                .setTraceId(bytes(TRACE))
                .setSpanId(bytes(id))
                .setParentSpanId(parent.isEmpty() ? ByteString.EMPTY : bytes(parent))
                .setName(name)
                .setStartTimeUnixNano(1_700_000_000_000_000_000L)
                .build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}
