package dev.jmicro.system.fuzz;

import dev.jmicro.system.fuzz.ApiOperation.Param;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Requests for an operation, built from its schemas alone: {@link #valid} ones that keep every documented rule, and
 * {@link #broken} ones that break exactly one — the body's syntax, size, encoding, nesting, a member's type, length or
 * pattern, a required member, the content type, a parameter, the token. Patterns are read as JSON Schema reads them
 * (found somewhere in the value; the documents anchor those that must match whole).
 */
final class Requests {

    /** Strings that have broken other systems: SQL and NoSQL operators, paths, markup, control and wide characters. */
    static final List<String> HOSTILE = List.of(
            "' OR '1'='1",
            "\"; DROP TABLE users; --",
            "{\"$gt\": \"\"}",
            "$where",
            "$ne",
            "../../../../etc/passwd",
            "<script>alert(1)</script>",
            "%00",
            "\u0000",
            "\u202e\u2066",
            "😀🏳️‍🌈",
            "x\r\nBcc: evil@example.com",
            "  ",
            "\t",
            "null",
            "-1",
            "1e309",
            "${jndi:ldap://127.0.0.1/x}");

    /** Valid path ids lie far beyond any the suite's fixture has, so a valid DELETE or reset touches nothing of it. */
    private static final long FIRST_UNUSED_ID = 1_000_000L;

    private static final int MAX_DEPTH = 32;
    private static final int MAX_BYTES = 1_048_576;

    private Requests() {}

    // --- valid ---------------------------------------------------------------------------------------------------

    /** A request the document allows; its body and parameters are generated from their schemas. */
    static Arbitrary<FuzzRequest> valid(ApiOperation operation) {
        Map<String, Arbitrary<String>> parameters = new LinkedHashMap<>();
        for (Param p : operation.parameters()) {
            Arbitrary<String> value;
            if (p.in().equals("path") && isInteger(p.schema())) {
                value = Arbitraries.longs()
                        .between(FIRST_UNUSED_ID, 1_000_000_000_000L)
                        .map(String::valueOf);
            } else if (p.in().equals("header") && !p.schema().containsKey("pattern")) {
                // A header carries visible ASCII only; the HTTP client refuses the rest before sending.
                value = Arbitraries.strings()
                        .withCharRange('!', '~')
                        .ofMinLength(1)
                        .ofMaxLength(Math.min(40, p.schema().getInt("maxLength", 40)));
            } else {
                value = value(p.name(), p.schema()).map(Requests::asParameter);
            }
            parameters.put(p.name(), p.required() || p.in().equals("path") ? value : value.injectNull(0.5));
        }
        Arbitrary<JsonValue> body = operation.body() == null ? Arbitraries.just(null) : value("body", operation.body());
        Arbitrary<Map<String, String>> values = parameters.isEmpty()
                ? Arbitraries.just(Map.of())
                : Combinators.combine(List.copyOf(parameters.values())).as(list -> {
                    Map<String, String> named = new LinkedHashMap<>();
                    List<String> names = List.copyOf(parameters.keySet());
                    for (int i = 0; i < names.size(); i++) {
                        if (list.get(i) != null) {
                            named.put(names.get(i), list.get(i));
                        }
                    }
                    return named;
                });
        return Combinators.combine(values, body).as((named, json) -> {
            Map<String, String> path = new LinkedHashMap<>();
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Param p : operation.parameters()) {
                String value = named.get(p.name());
                if (value != null) {
                    (switch (p.in()) {
                                case "path" -> path;
                                case "header" -> headers;
                                default -> query;
                            })
                            .put(p.name(), value);
                }
            }
            return new FuzzRequest(
                    operation,
                    null,
                    path,
                    query,
                    headers,
                    json == null ? null : "application/json",
                    json == null ? null : json.toString().getBytes(StandardCharsets.UTF_8),
                    operation.secured() ? "admin" : null);
        });
    }

    /** A JSON value that keeps the schema: types, required members, lengths, patterns, bounds and enumerations. */
    static Arbitrary<JsonValue> value(String name, JsonObject schema) {
        if (schema == null || schema.isEmpty()) {
            return text(0, 40).map(Json::createValue);
        }
        if (schema.containsKey("enum")) {
            return Arbitraries.of(List.copyOf(schema.getJsonArray("enum")));
        }
        return switch (type(schema)) {
            case "object" -> object(schema);
            case "array" -> {
                int min = schema.getInt("minItems", 0);
                int max = Math.min(schema.getInt("maxItems", 3), Math.max(min, 3));
                yield value("item", schema.getJsonObject("items"))
                        .list()
                        .ofMinSize(min)
                        .ofMaxSize(max)
                        .map(items -> {
                            var array = Json.createArrayBuilder();
                            items.forEach(array::add);
                            return array.build();
                        });
            }
            case "integer" -> {
                long min = schema.containsKey("minimum")
                        ? schema.getJsonNumber("minimum").longValue()
                        : 0;
                long max = schema.containsKey("maximum")
                        ? schema.getJsonNumber("maximum").longValue()
                        : 1000;
                yield Arbitraries.longs().between(min, max).map(Json::createValue);
            }
            case "number" -> Arbitraries.doubles().between(-1e6, 1e6).map(Json::createValue);
            case "boolean" -> Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE);
            default -> string(name, schema).map(Json::createValue);
        };
    }

    private static Arbitrary<JsonValue> object(JsonObject schema) {
        JsonObject properties = schema.getJsonObject("properties");
        List<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString::getString)
                : List.of();
        List<Arbitrary<Map.Entry<String, JsonValue>>> members = new ArrayList<>();
        if (properties != null) {
            properties.forEach((member, memberSchema) -> {
                Arbitrary<Map.Entry<String, JsonValue>> entry =
                        value(member, memberSchema.asJsonObject()).map(v -> Map.entry(member, v));
                members.add(required.contains(member) ? entry : entry.injectNull(0.4));
            });
        }
        if (schema.get("additionalProperties") instanceof JsonObject values) {
            int max = Math.min(schema.getInt("maxProperties", 3), 3);
            Arbitrary<JsonValue> map = Arbitraries.maps(
                            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), value("value", values))
                    .ofMaxSize(max)
                    .map(entries -> {
                        JsonObjectBuilder object = Json.createObjectBuilder();
                        entries.forEach(object::add);
                        return object.build();
                    });
            members.add(map.map(m -> Map.entry("", m)));
        }
        // A member the schema does not name is ignored, as in the original services: valid, now and then.
        members.add(text(0, 20)
                .map(v -> Map.entry("unknown_member", (JsonValue) Json.createValue(v)))
                .injectNull(0.8));
        return Combinators.combine(members).as(entries -> {
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> entry : entries) {
                if (entry == null) {
                    continue;
                }
                if (entry.getKey().isEmpty()) {
                    entry.getValue().asJsonObject().forEach(object::add);
                } else {
                    object.add(entry.getKey(), entry.getValue());
                }
            }
            return object.build();
        });
    }

    private static Arbitrary<String> string(String name, JsonObject schema) {
        int min = schema.getInt("minLength", 0);
        int max = schema.getInt("maxLength", 200);
        Arbitrary<String> candidates;
        if (name.equals("email") || name.equals("to") || name.equals("from")) {
            candidates = Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .ofMinLength(1)
                    .ofMaxLength(12)
                    .map(local -> local + "@example.com");
        } else if (name.contains("password")) {
            candidates = Arbitraries.strings().alpha().numeric().ofMinLength(12).ofMaxLength(40);
        } else if (schema.containsKey("pattern")) {
            String pattern = schema.getString("pattern");
            candidates = SimplePattern.strings(pattern)
                    .orElseGet(() -> Arbitraries.oneOf(text(Math.max(1, min), 40), Arbitraries.of(HOSTILE))
                            .filter(Pattern.compile(pattern).asPredicate()));
        } else {
            candidates = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, text(min, Math.min(max, 60))),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(HOSTILE)));
        }
        return candidates.filter(s -> s.length() >= min && s.length() <= max);
    }

    /** Any text, control and wide characters included, without lone surrogates (which no encoder can send). */
    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings()
                .all()
                .excludeChars(surrogates())
                .ofMinLength(min)
                .ofMaxLength(Math.max(min, max));
    }

    private static char[] surrogates() {
        char[] chars = new char[Character.MAX_LOW_SURROGATE - Character.MIN_HIGH_SURROGATE + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (Character.MIN_HIGH_SURROGATE + i);
        }
        return chars;
    }

    // --- broken --------------------------------------------------------------------------------------------------

    /** A request that breaks one documented rule, or none when there is nothing in the operation to break. */
    static Optional<Arbitrary<FuzzRequest>> broken(ApiOperation operation) {
        List<Function<FuzzRequest, Arbitrary<FuzzRequest>>> ways = new ArrayList<>();
        if (operation.body() != null) {
            ways.add(Requests::tinyBody);
            ways.add(v -> Arbitraries.just(v.breakingBody("an empty body", "application/json", new byte[0])));
            ways.add(Requests::truncated);
            ways.add(Requests::deeplyNested);
            ways.add(Requests::invalidUtf8);
            ways.add(Requests::duplicateMember);
            ways.add(Requests::wrongContentType);
            ways.add(v -> Arbitraries.just(v.breakingBody("a body over the limit", "application/json", tooLarge())));
            if (hasMembers(operation.body())) {
                ways.add(v -> brokenMember(v, operation.body()));
            }
        }
        for (Param p : operation.parameters()) {
            brokenValues(p).ifPresent(values -> ways.add(v -> values.map(bad -> breakParameter(v, p, bad))));
        }
        if (operation.secured()) {
            ways.add(v -> Arbitraries.of("none", "garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "Bearer x")
                    .map(t -> t.equals("none") ? v.withToken(null) : v.withToken(t))
                    .map(v2 -> v2.breakingBody("the token", v2.contentType(), v2.body())));
        }
        if (ways.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(valid(operation).flatMap(v -> Arbitraries.of(ways).flatMap(way -> way.apply(v))));
    }

    private static Arbitrary<FuzzRequest> tinyBody(FuzzRequest v) {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(1)
                .ofMaxSize(3)
                .filter(bytes -> !new String(bytes, StandardCharsets.ISO_8859_1).matches("\\{\\s*}"))
                .map(bytes -> v.breakingBody("a body of " + bytes.length + " bytes", "application/json", bytes));
    }

    private static Arbitrary<FuzzRequest> truncated(FuzzRequest v) {
        String json = new String(v.body(), StandardCharsets.UTF_8);
        return Arbitraries.integers()
                .between(1, json.length() - 1)
                .map(cut -> v.breakingBody(
                        "cut after " + cut + " characters",
                        "application/json",
                        json.substring(0, cut).getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<FuzzRequest> deeplyNested(FuzzRequest v) {
        return Arbitraries.integers().between(MAX_DEPTH + 1, 20_000).map(depth -> {
            String json = "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            return v.breakingBody(
                    "nested " + (depth + 1) + " levels", "application/json", json.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static Arbitrary<FuzzRequest> invalidUtf8(FuzzRequest v) {
        byte[][] sequences = {
            {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}
        };
        return Arbitraries.of(sequences).map(bad -> {
            // Into the first string of the body: {"<bad>name":... or ["<bad>...
            int quote = indexOf(v.body(), (byte) '"');
            if (quote < 0) {
                return v.breakingBody(
                        "invalid UTF-8", "application/json", concat("[\"".getBytes(), bad, "\"]".getBytes()));
            }
            byte[] body = v.body();
            byte[] head = java.util.Arrays.copyOfRange(body, 0, quote + 1);
            byte[] tail = java.util.Arrays.copyOfRange(body, quote + 1, body.length);
            return v.breakingBody(
                    "invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad),
                    "application/json",
                    concat(head, bad, tail));
        });
    }

    private static Arbitrary<FuzzRequest> duplicateMember(FuzzRequest v) {
        JsonValue body = Json.createReader(new java.io.StringReader(new String(v.body(), StandardCharsets.UTF_8)))
                .readValue();
        String json;
        if (body instanceof JsonObject object && !object.isEmpty()) {
            Map.Entry<String, JsonValue> first = object.entrySet().iterator().next();
            json = "{" + Json.createValue(first.getKey()) + ":" + first.getValue() + ","
                    + body.toString().substring(1);
        } else if (body instanceof JsonArray array
                && !array.isEmpty()
                && array.get(0) instanceof JsonObject item
                && !item.isEmpty()) {
            Map.Entry<String, JsonValue> first = item.entrySet().iterator().next();
            json = "[{" + Json.createValue(first.getKey()) + ":" + first.getValue() + ","
                    + item.toString().substring(1) + "]";
        } else {
            json = "{\"a\":1,\"a\":2}";
        }
        return Arbitraries.just(
                v.breakingBody("a member given twice", "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<FuzzRequest> wrongContentType(FuzzRequest v) {
        return Arbitraries.of(
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x",
                        "application/octet-stream")
                .map(type -> v.breakingBody("sent as " + type, type, v.body()));
    }

    private static byte[] tooLarge() {
        return ("{\"x\":\"" + "a".repeat(MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** One member, at the top or one level down, given a wrong type, an over-long or unmatched value, or dropped. */
    private static Arbitrary<FuzzRequest> brokenMember(FuzzRequest v, JsonObject schema) {
        JsonValue body = Json.createReader(new java.io.StringReader(new String(v.body(), StandardCharsets.UTF_8)))
                .readValue();
        JsonObject objectSchema = type(schema).equals("array") ? schema.getJsonObject("items") : schema;
        List<String> names =
                List.copyOf(objectSchema.getJsonObject("properties").keySet());
        return Arbitraries.of(names).flatMap(name -> {
            JsonObject member = objectSchema.getJsonObject("properties").getJsonObject(name);
            List<Arbitrary<Optional<JsonValue>>> bad = new ArrayList<>();
            bad.add(wrongType(member).map(Optional::of));
            if (member.containsKey("maxLength")) {
                int max = member.getInt("maxLength");
                bad.add(Arbitraries.integers()
                        .between(max + 1, max + 64)
                        .map(n -> Optional.of(Json.createValue("a".repeat(n)))));
            }
            if (member.containsKey("pattern")) {
                Pattern pattern = Pattern.compile(member.getString("pattern"));
                bad.add(Arbitraries.oneOf(Arbitraries.of(HOSTILE), text(0, 12))
                        .filter(s -> !pattern.matcher(s).find())
                        .map(s -> Optional.of(Json.createValue(s))));
            }
            if (objectSchema.containsKey("required")
                    && objectSchema
                            .getJsonArray("required")
                            .getValuesAs(JsonString::getString)
                            .contains(name)) {
                bad.add(Arbitraries.just(Optional.empty()));
            }
            return Arbitraries.oneOf(bad).map(replacement -> {
                JsonValue changed = replaceMember(body, name, replacement.orElse(null));
                String what = replacement
                        .map(r -> name + " = " + shortened(r.toString()))
                        .orElse(name + " left out");
                return v.breakingBody(
                        what, "application/json", changed.toString().getBytes(StandardCharsets.UTF_8));
            });
        });
    }

    /** A value of another JSON type than the schema's; never one a binding might convert (a string for a number). */
    private static Arbitrary<JsonValue> wrongType(JsonObject schema) {
        JsonValue operator = Json.createObjectBuilder().add("$gt", "").build();
        JsonValue array = Json.createArrayBuilder().add("x").build();
        JsonValue huge = Json.createReader(new java.io.StringReader("[123456789012345678901234567890123456789e99999]"))
                .readArray()
                .get(0);
        return switch (type(schema)) {
            case "string" -> Arbitraries.of(Json.createValue(5), JsonValue.TRUE, operator, array, huge);
            case "object" -> Arbitraries.of(Json.createValue("x"), Json.createValue(5), array);
            case "array" -> Arbitraries.of(Json.createValue("x"), operator);
            default -> Arbitraries.of(operator, array);
        };
    }

    private static JsonValue replaceMember(JsonValue body, String name, JsonValue value) {
        if (body instanceof JsonArray array) {
            var changed = Json.createArrayBuilder(array);
            changed.set(0, replaceMember(array.get(0), name, value));
            return changed.build();
        }
        JsonObjectBuilder changed = Json.createObjectBuilder(body.asJsonObject());
        if (value == null) {
            changed.remove(name);
        } else {
            changed.add(name, value);
        }
        return changed.build();
    }

    /** Values that break a parameter's schema, or none when it has no rule to break. */
    private static Optional<Arbitrary<String>> brokenValues(Param p) {
        JsonObject schema = p.schema();
        List<Arbitrary<String>> bad = new ArrayList<>();
        if (isInteger(schema)) {
            // Not " ": JAX-RS takes a blank parameter as an absent one.
            bad.add(Arbitraries.of("abc", "1.5", "99999999999999999999999", "1e3", "0x10", "{\"$gt\":0}"));
            if (schema.containsKey("minimum")) {
                long min = schema.getJsonNumber("minimum").longValue();
                bad.add(Arbitraries.longs().between(min - 1000, min - 1).map(String::valueOf));
            }
            if (schema.containsKey("maximum")) {
                long max = schema.getJsonNumber("maximum").longValue();
                bad.add(Arbitraries.longs().between(max + 1, max + 1_000_000).map(String::valueOf));
            }
        }
        if (schema.containsKey("maxLength")) {
            int max = schema.getInt("maxLength");
            bad.add(Arbitraries.integers().between(max + 1, max + 64).map("a"::repeat));
        }
        if (schema.containsKey("pattern")) {
            Pattern pattern = Pattern.compile(schema.getString("pattern"));
            Arbitrary<String> candidates = p.in().equals("header")
                    ? Arbitraries.strings()
                            .withCharRange(' ', '~')
                            .ofMinLength(1)
                            .ofMaxLength(12)
                    : Arbitraries.oneOf(Arbitraries.of(HOSTILE), text(1, 12));
            bad.add(candidates.filter(s -> !pattern.matcher(s).find() && (!p.in().equals("header") || !s.isBlank())));
        }
        return bad.isEmpty() ? Optional.empty() : Optional.of(Arbitraries.oneOf(bad));
    }

    private static FuzzRequest breakParameter(FuzzRequest v, Param p, String bad) {
        String what = p.in() + " " + p.name() + " = " + shortened(bad);
        return switch (p.in()) {
            case "path" -> v.breaking(what, FuzzRequest.replaced(v.path(), p.name(), bad), v.query(), v.headers());
            case "header" -> v.breaking(what, v.path(), v.query(), FuzzRequest.replaced(v.headers(), p.name(), bad));
            default -> v.breaking(what, v.path(), FuzzRequest.replaced(v.query(), p.name(), bad), v.headers());
        };
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String type(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type instanceof JsonString text) {
            return text.getString();
        }
        if (type instanceof JsonArray types) {
            return types.getValuesAs(JsonString::getString).stream()
                    .filter(t -> !t.equals("null"))
                    .findFirst()
                    .orElse("string");
        }
        return schema.containsKey("properties") ? "object" : "string";
    }

    private static boolean isInteger(JsonObject schema) {
        return schema != null && type(schema).equals("integer");
    }

    private static boolean hasMembers(JsonObject schema) {
        JsonObject object = type(schema).equals("array") ? schema.getJsonObject("items") : schema;
        return object != null
                && object.containsKey("properties")
                && !object.getJsonObject("properties").isEmpty();
    }

    private static String asParameter(JsonValue value) {
        return value instanceof JsonString text
                ? text.getString()
                : value instanceof JsonNumber number ? number.toString() : value.toString();
    }

    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "… (" + value.length() + " characters)";
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
