package dev.jmicro.localstack.backing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The one way the small JDK HTTP servers here (the mail viewer, the trace receiver's query API) answer. */
final class HttpAnswers {

    private HttpAnswers() {}

    /** Sends a UTF-8 body of the given media type with the given status, and ends the exchange. */
    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
