package dev.jmicro.system.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generated request for an operation: parameter values, headers, a body as raw bytes (so that invalid UTF-8 and
 * cut JSON can be sent) and what was done to it, for the report.
 *
 * @param broken what was broken, or null for a request the document allows
 * @param token "admin" for the suite's admin token, anything else is sent as it is, null for none
 */
record FuzzRequest(
        ApiOperation operation,
        String broken,
        Map<String, String> path,
        Map<String, String> query,
        Map<String, String> headers,
        String contentType,
        byte[] body,
        String token) {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The status, content type, bearer challenge ({@code WWW-Authenticate}, or "") and body of an answer. */
    record Answer(int status, String contentType, String challenge, String body) {}

    Answer send(String adminToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri())
                .timeout(Duration.ofSeconds(30))
                .method(
                        operation.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + (token.equals("admin") ? adminToken : token));
        }
        HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(""),
                answer.headers().firstValue("WWW-Authenticate").orElse(""),
                answer.body());
    }

    URI uri() {
        String resolved = operation.path();
        for (Map.Entry<String, String> value : path.entrySet()) {
            resolved = resolved.replace(
                    "{" + value.getKey() + "}",
                    URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String search = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return operation.base().resolve(resolved.substring(1) + (search.isEmpty() ? "" : "?" + search));
    }

    /** Whether a path value holds a control character, a slash or a backslash, which Liberty refuses itself. */
    boolean pathHasRawControl() {
        return path.values().stream()
                .anyMatch(value -> value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\'));
    }

    FuzzRequest withToken(String other) {
        return new FuzzRequest(operation, broken, path, query, headers, contentType, body, other);
    }

    FuzzRequest breaking(
            String what, Map<String, String> path, Map<String, String> query, Map<String, String> headers) {
        return new FuzzRequest(operation, what, path, query, headers, contentType, body, token);
    }

    FuzzRequest breakingBody(String what, String contentType, byte[] body) {
        return new FuzzRequest(operation, what, path, query, headers, contentType, body, token);
    }

    static Map<String, String> replaced(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "… (" + body.length + " bytes)";
        }
        return operation + (broken == null ? " (valid)" : " broken: " + broken) + "\n  " + uri() + " " + headers
                + (token == null ? " no token" : token.equals("admin") ? "" : " token " + token)
                + (contentType == null ? "" : "\n  " + contentType + " " + shown);
    }
}
