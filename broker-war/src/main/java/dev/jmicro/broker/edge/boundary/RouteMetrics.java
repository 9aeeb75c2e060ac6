package dev.jmicro.broker.edge.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts requests by route and outcome: {@code broker_requests_total{route="POST /api/logs",outcome="ok"}}. The route
 * is the resource's path template, never the raw path (ids would make every path its own series); the outcome is
 * {@code ok}, {@code refused} (4xx), {@code unavailable} (503) or {@code error}.
 *
 * <p>Route names and counters are looked up once and kept: building the tags and asking the registry costs more than
 * the rest of a small request's work.
 */
@Provider
public class RouteMetrics implements ContainerResponseFilter {

    private static final String UNMATCHED = "unmatched";

    @Inject
    MetricRegistry metrics;

    @Context
    ResourceInfo resource;

    /** "POST /handle" by resource method; a few dozen entries, one per route. */
    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    /** Counter by route and outcome. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource.getResourceMethod();
        String route = request.getMethod() + " "
                + (method == null ? UNMATCHED : routes.computeIfAbsent(method, this::pathTemplate));
        String outcome = outcome(response.getStatus());
        counters.computeIfAbsent(
                        route + " " + outcome,
                        key -> metrics.counter("broker.requests", new Tag("route", route), new Tag("outcome", outcome)))
                .inc();
    }

    private String pathTemplate(Method method) {
        String path = "/" + pathOf(resource.getResourceClass()) + "/" + pathOf(method);
        return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static String pathOf(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        if (path == null && element instanceof Class<?> type && type.getSuperclass() != null) {
            return pathOf(type.getSuperclass()); // a CDI proxy subclass of the resource
        }
        return path == null ? "" : path.value();
    }

    static String outcome(int status) {
        if (status < 400) {
            return "ok";
        }
        if (status == 503) {
            return "unavailable";
        }
        return status < 500 ? "refused" : "error";
    }
}
