package dev.jmicro.localstack.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * JSON bodies for requests, built rather than pasted together: a quote or backslash in a value stays part of the value.
 * {@code Bodies.object("name", name, "data", data)}; values are texts, numbers, booleans or JSON values (another
 * {@code object(…)}, an {@code array(…)}, {@link JsonValue#NULL}).
 */
public final class Bodies {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Bodies() {}

    public static JsonObject object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return object.build();
    }

    public static JsonArray array(Object... values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Object value : values) {
            array.add(value(value));
        }
        return array.build();
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        }
        return JSON.createValue(value.toString());
    }
}
