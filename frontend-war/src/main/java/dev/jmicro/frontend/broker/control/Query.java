package dev.jmicro.frontend.broker.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A query string built from the parameters that have a value. */
public final class Query {

    private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

    public Query add(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    /** One path segment, encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return parts.toString();
    }
}
