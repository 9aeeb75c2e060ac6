package dev.jmicro.listener.events.control;

import dev.jmicro.listener.events.entity.LogEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a message body the way the original publishers write it, {@code {"name": "...", "data": "..."}}, and the
 * level off the routing key ({@code log.INFO}, {@code log.WARNING}, {@code log.ERROR}). A body that is not a JSON
 * object, or has no name, can never be stored: {@link Undeliverable}.
 */
public final class LogEventDecoder {

    /** The logger's limits; an event beyond them would be refused there on every retry. */
    static final int MAX_NAME = 200;

    static final int MAX_DATA = 65_536;
    private static final Set<String> LEVELS = Set.of("INFO", "WARNING", "ERROR");
    private static final JsonProvider JSON = JsonProvider.provider();

    private LogEventDecoder() {}

    /**
     * @param body the message body as text
     * @param routing where the message was published, e.g. {@code log.ERROR} (RabbitMQ's routing key) or
     *     {@code logs_topic.log.ERROR} (the Artemis address); INFO when it names no known level
     * @param messageId the AMQP message-id, used as the idempotency key; may be null
     * @param traceparent the W3C trace context from the application properties; may be null
     */
    public static LogEvent decode(String body, String routing, String messageId, String traceparent)
            throws Undeliverable {
        JsonObject json = parseObject(body);
        JsonValue name = json.get("name");
        if (!(name instanceof JsonString text) || text.getString().isBlank()) {
            throw new Undeliverable("no name: the body must have a non-blank string \"name\"");
        }
        if (text.getString().length() > MAX_NAME) {
            throw new Undeliverable("name longer than " + MAX_NAME + " characters");
        }
        String data = dataOf(json.get("data"));
        if (data.length() > MAX_DATA) {
            throw new Undeliverable("data longer than " + MAX_DATA + " characters");
        }
        return new LogEvent(text.getString(), data, levelOf(routing), blankToNull(messageId), blankToNull(traceparent));
    }

    private static JsonObject parseObject(String body) throws Undeliverable {
        if (body == null || body.isBlank()) {
            throw new Undeliverable("empty body");
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new Undeliverable("not a JSON object: " + value.getValueType());
        } catch (JsonException | IllegalStateException e) {
            throw new Undeliverable("not JSON: " + e.getMessage());
        }
    }

    /** Text as it is; any other JSON value as its JSON text, so nothing the publisher sent is lost. */
    private static String dataOf(JsonValue data) {
        if (data == null || data == JsonValue.NULL) {
            return "";
        }
        return data instanceof JsonString text ? text.getString() : data.toString();
    }

    static String levelOf(String routing) {
        if (routing == null) {
            return "INFO";
        }
        int at = routing.lastIndexOf("log.");
        String level = (at < 0 ? routing : routing.substring(at + 4)).toUpperCase(Locale.ROOT);
        return LEVELS.contains(level) ? level : "INFO";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
