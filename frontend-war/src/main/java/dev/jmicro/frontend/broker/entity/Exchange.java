package dev.jmicro.frontend.broker.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the broker and its answer, as the test console shows it: what was sent, what came back, how long it
 * took, and the ids to find it again in the logs and traces. {@code status} is 0 when no answer came at all;
 * {@code location} is the answer's {@code Location} header, if any.
 */
public record Exchange(
        String title,
        String method,
        String path,
        String sent,
        int status,
        String received,
        String location,
        long millis,
        String requestId,
        String traceId,
        Instant at)
        implements Serializable {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    public boolean answered() {
        return status > 0;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String sentPretty() {
        return pretty(sent);
    }

    public String receivedPretty() {
        return pretty(received);
    }

    /** The answer as a JSON object, when it is one. */
    public Optional<JsonObject> json() {
        return object(received);
    }

    /** What was sent, as a JSON object, when it was one. */
    public Optional<JsonObject> sentJson() {
        return object(sent);
    }

    private static Optional<JsonObject> object(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    /**
     * What went wrong, in words for a person: the problem's {@code detail}, the original envelope's {@code message},
     * or the status.
     */
    public String failure() {
        if (!answered()) {
            return received;
        }
        return json().map(body -> body.getString("detail", body.getString("message", null)))
                .orElse("the broker answered " + status);
    }

    /**
     * The problem's {@code errors}, field by field ({@code {"field": "password", "message": "…"}}), for a form to
     * show each beside its field; empty when the answer names no field.
     */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        json().map(body -> body.get("errors"))
                .filter(JsonArray.class::isInstance)
                .map(JsonArray.class::cast)
                .ifPresent(list -> list.stream()
                        .filter(JsonObject.class::isInstance)
                        .map(JsonObject.class::cast)
                        .forEach(error ->
                                errors.putIfAbsent(error.getString("field", ""), error.getString("message", ""))));
        return errors;
    }

    /** JSON indented for reading; anything else as it is. */
    public static String pretty(String text) {
        if (text == null || text.isBlank()) {
            return "(empty)";
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonStructure value = reader.read();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(out)) {
                writer.write(value);
            }
            return out.toString().strip();
        } catch (JsonException e) {
            return text;
        }
    }
}
