package dev.jmicro.system.fuzz;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of a service's OpenAPI document, with every {@code $ref} resolved: what the fuzz suite needs to build
 * requests for it and to judge the answers.
 *
 * @param base the service's root URL
 * @param body the request body's JSON schema, or null when the operation takes none
 * @param statuses every status code the document names for it
 * @param secured whether the document asks for a bearer token
 */
record ApiOperation(
        String service,
        URI base,
        String method,
        String path,
        List<Param> parameters,
        JsonObject body,
        Set<Integer> statuses,
        boolean secured) {

    /** A path, query or header parameter and its schema. */
    record Param(String name, String in, boolean required, JsonObject schema) {}

    static List<ApiOperation> readAll(String service, URI base, JsonObject document) {
        Schemas schemas = new Schemas(document);
        List<ApiOperation> operations = new ArrayList<>();
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
                    if (!(value instanceof JsonObject operation) || !operation.containsKey("responses")) {
                        return;
                    }
                    List<Param> parameters = new ArrayList<>();
                    for (JsonValue p : operation.getJsonArray("parameters") == null
                            ? List.<JsonValue>of()
                            : operation.getJsonArray("parameters")) {
                        JsonObject parameter = p.asJsonObject();
                        parameters.add(new Param(
                                parameter.getString("name"),
                                parameter.getString("in"),
                                parameter.getBoolean("required", false),
                                schemas.resolve(parameter.getJsonObject("schema"))));
                    }
                    JsonObject body = null;
                    if (operation.containsKey("requestBody")) {
                        body = schemas.resolve(operation
                                .getJsonObject("requestBody")
                                .getJsonObject("content")
                                .getJsonObject("application/json")
                                .getJsonObject("schema"));
                    }
                    Set<Integer> statuses = new TreeSet<>();
                    operation.getJsonObject("responses").keySet().forEach(code -> statuses.add(Integer.valueOf(code)));
                    operations.add(new ApiOperation(
                            service,
                            base,
                            method.toUpperCase(Locale.ROOT),
                            path,
                            List.copyOf(parameters),
                            body,
                            statuses,
                            operation.containsKey("security")));
                }));
        return operations;
    }

    /** Whether a valid request could delete what is not its own: a DELETE that names no single resource. */
    boolean deletesInBulk() {
        return method.equals("DELETE") && parameters.stream().noneMatch(p -> p.in().equals("path"));
    }

    @Override
    public String toString() {
        return service + " " + method + " " + path;
    }

    /** Inlines {@code $ref}s to {@code #/components/schemas/…}, to any depth. */
    private record Schemas(JsonObject document) {

        JsonObject resolve(JsonObject schema) {
            if (schema == null) {
                return null;
            }
            if (schema.containsKey("$ref")) {
                String name = schema.getString("$ref").substring("#/components/schemas/".length());
                return resolve(document.getJsonObject("components")
                        .getJsonObject("schemas")
                        .getJsonObject(name));
            }
            var resolved = jakarta.json.Json.createObjectBuilder();
            schema.forEach((key, value) -> {
                if (key.equals("properties")) {
                    var properties = jakarta.json.Json.createObjectBuilder();
                    value.asJsonObject().forEach((name, s) -> properties.add(name, resolve(s.asJsonObject())));
                    resolved.add(key, properties);
                } else if ((key.equals("items") || key.equals("additionalProperties"))
                        && value instanceof JsonObject nested) {
                    resolved.add(key, resolve(nested));
                } else {
                    resolved.add(key, value);
                }
            });
            return resolved.build();
        }
    }
}
