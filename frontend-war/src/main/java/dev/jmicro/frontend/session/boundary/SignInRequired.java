package dev.jmicro.frontend.session.boundary;

import dev.jmicro.frontend.broker.control.Query;
import dev.jmicro.frontend.session.control.UserSession;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Every page but sign-in needs a signed-in user, however it is reached: requested, or forwarded to, as the root
 * {@code /} is forwarded to the welcome page {@code index.xhtml} (a filter sees only requests unless told otherwise,
 * so without the forward dispatch {@code /} would serve the console to anyone). Someone whose session or token ran out is sent to sign-in with a
 * word why ({@code ?reason=expired}); someone who never signed in simply lands there. Either way the page asked for
 * goes along ({@code next}, a path of this application with its query), and sign-in returns to it.
 */
@WebFilter(
        filterName = "signInRequired",
        urlPatterns = "*.xhtml",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SignInRequired extends HttpFilter {

    private static final Set<String> OPEN =
            Set.of("/signin.xhtml", "/expired.xhtml", "/not-found.xhtml", "/error.xhtml");

    @Inject
    UserSession session;

    /**
     * The page asked for, to return to after sign-in: a page's address with its query for a GET, the page alone for
     * a form posted (its state is gone with the session), nothing for the welcome page.
     */
    private static String asked(HttpServletRequest request) {
        String page = request.getServletPath();
        if ("/index.xhtml".equals(page) && request.getQueryString() == null) {
            return null;
        }
        boolean get = "GET".equals(request.getMethod());
        return get && request.getQueryString() != null ? page + "?" + request.getQueryString() : page;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (OPEN.contains(path) || path.startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        if (session.isSignedIn()) {
            chain.doFilter(request, response);
            return;
        }
        boolean expired = session.isExpired()
                || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
        if (session.isExpired()) {
            request.getSession().invalidate();
        }
        response.sendRedirect(request.getContextPath()
                + "/signin.xhtml"
                + new Query().add("reason", expired ? "expired" : null).add("next", asked(request)));
    }
}
