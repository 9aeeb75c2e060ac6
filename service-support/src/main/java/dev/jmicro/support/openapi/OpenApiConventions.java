package dev.jmicro.support.openapi;

import dev.jmicro.support.problem.entity.Problem;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says alike. Patterns are anchored ({@code ^(?:…)$}): Bean Validation's
 * {@code @Pattern} must match the whole value, a JSON Schema pattern only somewhere in it, so an unanchored pattern
 * would promise more than the service takes. And every operation names the refusals the shared request rules give,
 * so that a client (and the fuzz suite, which fails on any status a document does not name) knows every answer it can
 * get: 400 when it takes a body or parameters; 413 and 415 for a body, with the size limit ({@code request.max-bytes})
 * in the body's description; 401 (the bearer challenge) and 403 when it needs a token; 404 when a path names a
 * resource. An answer the operation documents itself is kept. Set as {@code mp.openapi.filter} in each service's
 * configuration.
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "Problem";

    @Override
    public Schema filterSchema(Schema schema) {
        String pattern = schema.getPattern();
        // "\\S" is @NotBlank's own translation, meant as JSON Schema means it: a non-space somewhere.
        if (pattern != null && !pattern.startsWith("^") && !pattern.equals("\\S")) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        long maxBytes = ConfigProvider.getConfig()
                .getOptionalValue("request.max-bytes", Long.class)
                .orElse(1_048_576L);
        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .values()
                .forEach(operation -> document(operation, maxBytes)));
        document.getComponents().addSchema(PROBLEM, problemSchema());
    }

    private static void document(Operation operation, long maxBytes) {
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body) {
            String limit = "At most " + maxBytes + " bytes of UTF-8 JSON: one value, no member named twice, nested at"
                    + " most 32 levels.";
            String description = operation.getRequestBody().getDescription();
            operation.getRequestBody().setDescription(description == null ? limit : description + " " + limit);
            add(responses, "413", "The body is larger than " + maxBytes + " bytes.");
            add(responses, "415", "The body is not application/json.");
        }
        if (body || !parameters.isEmpty()) {
            add(responses, "400", "The body or a parameter breaks the documented rules; the problem names which.");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            if (!responses.hasAPIResponse("401")) {
                // Liberty's security answers before the application does: RFC 6750's challenge, no body.
                responses.addAPIResponse(
                        "401",
                        OASFactory.createAPIResponse()
                                .description("No valid token (missing, expired, revoked or not signed by auth): an"
                                        + " empty body and the header WWW-Authenticate: Bearer, with error=\"invalid_token\""
                                        + " when one was sent.")
                                .addHeader(
                                        "WWW-Authenticate",
                                        OASFactory.createHeader()
                                                .schema(OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.STRING))));
            }
            add(responses, "403", "The token's user may not do this.");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            add(responses, "404", "Nothing of that id.");
            APIResponse refused = responses.getAPIResponse("400");
            refused.setDescription(refused.getDescription() + " A path holding an encoded control character or slash"
                    + " (%00, %09, %2F) Liberty refuses before the service, with one line of text/html.");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("#/components/schemas/" + PROBLEM)))));
    }

    /** RFC 9457's members, as {@link Problem} writes them. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type",
                        text,
                        "title",
                        text,
                        "status",
                        OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail",
                        text,
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .properties(Map.of("field", text, "message", text)))));
    }
}
