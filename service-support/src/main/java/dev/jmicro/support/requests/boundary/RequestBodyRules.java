package dev.jmicro.support.requests.boundary;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
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
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The original system's rules for a request body: at most {@code request.max-bytes} (1 MB unless configured), else
 * 413, counted while reading so a body without Content-Length cannot slip past; and a JSON body must be exactly one
 * JSON value, else 400. JSON-B alone would read the first value and ignore what follows, so the body is checked with a
 * streaming parser first; bodies are small, the second pass is cheap. The same pass refuses what the binding would
 * take silently or fail on with a 500: an object naming a member twice (which value counts differs between parsers),
 * nesting deeper than {@value #MAX_DEPTH} levels, and bytes that are not UTF-8 (RFC 8259: JSON between systems is
 * UTF-8). A body of one to three bytes is padded with spaces, since the binding's parser guesses the encoding from
 * the first four bytes and fails on fewer.
 */
@Provider
@ApplicationScoped
public class RequestBodyRules implements ReaderInterceptor {

    // Looked up once: Json.createParser would search for the provider (a ServiceLoader scan of every jar in the
    // application) on each request, which cost about 10 ms per request on Liberty.
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Deeper than any body of the system's APIs (they nest three levels at most) and far from a stack's limit. */
    static final int MAX_DEPTH = 32;

    // Field injection: RESTEasy wants a public no-argument constructor on providers, even on CDI beans.
    @Inject
    @ConfigProperty(name = "request.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), maxBytes);
        if (body.length > 0 && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            requireOneJsonValue(body);
            if (body.length < 4) {
                int length = body.length;
                body = Arrays.copyOf(body, 4);
                Arrays.fill(body, length, 4, (byte) ' ');
            }
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

    /** Parses to the end: a second value, anything but white space after the first, or a rule broken, fails. */
    static void requireOneJsonValue(byte[] body) {
        Deque<Set<String>> objects = new ArrayDeque<>(); // the member names seen, per open object or array (null)
        try (JsonParser parser = JSON.createParser(utf8(body))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (objects.size() == MAX_DEPTH) {
                            throw refuse(
                                    Response.Status.BAD_REQUEST,
                                    "Malformed JSON body: nested deeper than " + MAX_DEPTH + " levels");
                        }
                        objects.push(new HashSet<>());
                    }
                    case END_OBJECT, END_ARRAY -> objects.pop();
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            throw refuse(
                                    Response.Status.BAD_REQUEST,
                                    "Malformed JSON body: the member \"" + shortened(parser.getString())
                                            + "\" is given twice");
                        }
                    }
                    default -> {}
                }
            }
        } catch (JsonException e) { // JsonParsingException included
            String message = e.getMessage() == null ? "unreadable" : e.getMessage();
            throw refuse(
                    Response.Status.BAD_REQUEST,
                    "Malformed JSON body (exactly one JSON value is expected): " + message);
        }
    }

    /** A strict UTF-8 reader: a malformed byte is a refusal, never a replacement character. */
    private static Reader utf8(byte[] body) {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new StringReader(strict.decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            throw refuse(Response.Status.BAD_REQUEST, "Malformed JSON body: it is not UTF-8");
        }
    }

    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static WebApplicationException refuse(Response.Status status, String detail) {
        return new WebApplicationException(Problem.of(status, detail).toResponse());
    }
}
