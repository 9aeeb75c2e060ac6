package dev.jmicro.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A JSON POST for load generators: the JDK's synchronous {@link HttpURLConnection}, whose connections are kept alive
 * and reused. Against the broker's {@code POST /} at concurrency 8 it made 12 800 requests/s at 0.04 ms of its own
 * CPU each, where the JDK's {@code HttpClient} made 7 800 at 0.13 ms (its selector thread and future chains): CPU that
 * the servers measured on the same two cores would otherwise have had. The body is buffered, so that it leaves with
 * the headers in one write; streamed ({@code setFixedLengthStreamingMode}) it is a second small packet that waits for
 * the acknowledgement of the first, and the same run made 5 400 requests/s.
 */
final class JsonPost {

    static {
        // Connections kept alive per destination (5 by default); read once, when the first connection is made.
        System.setProperty("http.maxConnections", "64");
        // A POST on a kept-alive connection that the server has dropped is not sent again behind the caller's back:
        // a benchmark counts what it sent (FaultBenchmark's exactly-once check depends on it).
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private JsonPost() {}

    /**
     * Posts the JSON and returns the status, having read the whole answer so that the connection can be reused;
     * {@code headers} are name, value pairs.
     */
    static int status(URI uri, String json, String... headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                connection.setRequestProperty(headers[i], headers[i + 1]);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (answer != null) {
                    answer.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
