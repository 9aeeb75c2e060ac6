package dev.jmicro.support.problem.boundary;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * A body that is not JSON, or not of the expected shape, is the client's mistake: 400, with the parser's first line
 * as the reason so the client can find the spot. Java class names in it are cut to their simple names: a client
 * needs the shape it got wrong, not the server's package layout.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    private static final Pattern QUALIFIED_CLASS =
            Pattern.compile("(?:class |interface )?(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)");

    @Override
    public Response toResponse(JsonbException exception) {
        // A limit hit while the body was being read (e.g. 413 from RequestSizeLimit) keeps its own answer.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refused) {
                return refused.getResponse();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Problem.of(Response.Status.BAD_REQUEST, "Malformed JSON body: " + firstLine(exception))
                .toResponse();
    }

    static String firstLine(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? exception.getMessage() : root.getMessage();
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return QUALIFIED_CLASS.matcher(line).replaceAll("$1");
    }
}
