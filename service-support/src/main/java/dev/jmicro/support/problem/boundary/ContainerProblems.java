package dev.jmicro.support.problem.boundary;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The body of a refusal that Liberty's web container raises as an exception before the request reaches JAX-RS, e.g.
 * for some paths with an encoded slash ({@code /mails/a%2Fb}): the same {@code application/problem+json} as every
 * other refusal, instead of Liberty's HTML page with the exception and its stack. The error page that sends requests
 * here is in this module's {@code META-INF/web-fragment.xml}. Other encoded control characters in a path
 * ({@code %00}, {@code %09}) Liberty refuses itself, with a 400 and one line of HTML that no error page replaces.
 */
@WebServlet(ContainerProblems.PATH)
public class ContainerProblems extends HttpServlet {

    static final String PATH = "/jmicro-container-problem";

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Response.StatusType status = code instanceof Integer number && Response.Status.fromStatusCode(number) != null
                ? Response.Status.fromStatusCode(number)
                : Response.Status.BAD_REQUEST;
        String detail = status.getStatusCode() == 400
                ? "The request's address is malformed: an encoded character that is not allowed in a path"
                : status.getReasonPhrase();
        response.setStatus(status.getStatusCode());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(Problem.of(status, detail)));
    }
}
