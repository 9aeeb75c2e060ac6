package dev.jmicro.support.problem.boundary;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The original system's rules for a request body: at most {@code request.max-bytes} (1 MB unless configured), else
 * 413, counted while reading so a body without Content-Length cannot slip past; and a JSON body must be exactly one
 * JSON value, else 400. JSON-B alone would read the first value and ignore what follows, so the body is checked with a
 * streaming parser first; bodies are small, the second pass is cheap.
 */
@Provider
@ApplicationScoped
public class RequestBodyRules implements ReaderInterceptor {

    // Looked up once: Json.createParser would search for the provider (a ServiceLoader scan of every jar in the
    // application) on each request, which cost about 10 ms per request on Liberty.
    private static final JsonProvider JSON = JsonProvider.provider();

    // Field injection: RESTEasy wants a public no-argument constructor on providers, even on CDI beans.
    @Inject
    @ConfigProperty(name = "request.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), maxBytes);
        if (body.length > 0 && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            requireOneJsonValue(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            body.write(buffer, 0, n);
            if (body.size() > max) {
                throw refuse(
                        Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body is larger than " + max + " bytes");
            }
        }
        return body.toByteArray();
    }

    /** Parses to the end: a second value, or anything but white space after the first, fails. */
    static void requireOneJsonValue(byte[] body) {
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (JsonParsingException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage();
            throw refuse(
                    Response.Status.BAD_REQUEST,
                    "Malformed JSON body (exactly one JSON value is expected): " + message);
        }
    }

    private static WebApplicationException refuse(Response.Status status, String detail) {
        return new WebApplicationException(Problem.of(status, detail).toResponse());
    }
}
