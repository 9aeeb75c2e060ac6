package dev.jmicro.broker.downstream.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Reads a body another service answered with, leniently: what is not a JSON object reads as an empty one. */
public final class JsonBodies {

    // Looked up once: a lookup per call searches every jar of the application (as service-support's RequestBodyRules
    // found).
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBodies() {}

    public static JsonObject objectOf(String body) {
        try {
            return JSON.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
