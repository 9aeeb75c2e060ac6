package dev.jmicro.frontend.web.boundary;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The answer to a path that does not exist (404) or a page that failed (500): a page for a browser, and for every
 * other client the {@code application/problem+json} document every service answers with. Never a stack trace. The
 * browser's page is a Faces page with the usual header and navigation ({@code not-found.xhtml}, {@code error.xhtml});
 * should that page fail too, a plain page of the same words stands in.
 */
@WebServlet("/error")
public class ErrorPages extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        String title = status == HttpServletResponse.SC_NOT_FOUND ? "Not Found" : "Internal Server Error";
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            boolean notFound = status == HttpServletResponse.SC_NOT_FOUND;
            try {
                request.getRequestDispatcher(notFound ? "/not-found.xhtml" : "/error.xhtml")
                        .forward(request, response);
                return;
            } catch (ServletException | IOException | RuntimeException e) {
                if (response.isCommitted()) {
                    return;
                }
                response.resetBuffer();
                response.setStatus(status);
            }
            response.setContentType("text/html");
            String page = notFound ? "not-found.html" : "error.html";
            try (InputStream html = getServletContext().getResourceAsStream("/WEB-INF/errors/" + page)) {
                html.transferTo(response.getOutputStream());
            }
            return;
        }
        response.setContentType("application/problem+json");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title)
                        .add("status", status)
                        .add("detail", title)
                        .build()
                        .toString());
    }
}
