package dev.jmicro.support.requests.boundary;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * The JSON-B used for request and response bodies, with one change: a string field accepts only a JSON string. By
 * default a number or boolean is quietly turned into text ({@code "message": 5} becomes "5"), which hides a client's
 * mistake; here it is a 400 like any other malformed body.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StringsOnly()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** Reads a string, and nothing else, as a string. */
    static final class StringsOnly implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NULL -> null;
                default ->
                    throw new JsonbException("expected a string, found "
                            + value.getValueType().name().toLowerCase(Locale.ROOT));
            };
        }
    }
}
