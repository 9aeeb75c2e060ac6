package dev.jmicro.frontend.web.boundary;

import dev.jmicro.support.info.boundary.InfoResource.ServiceInfo;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /info} as every service answers it. A servlet rather than the shared REST resource: a REST application
 * at the root would take every path, the pages' too.
 */
@WebServlet("/info")
public class InfoServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @ConfigProperty(name = "service.name")
    String name;

    @Inject
    @ConfigProperty(name = "service.version")
    String version;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(new ServiceInfo(name, version)));
    }
}
