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
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts requests by route and outcome: {@code broker_requests_total{route="POST /api/logs",outcome="ok"}}. The route
 * is the resource's path template, never the raw path (ids would make every path its own series); the outcome is
 * {@code ok}, {@code refused} (4xx), {@code unavailable} (503) or {@code error}.
 */
@Provider
public class RouteMetrics implements ContainerResponseFilter {

    @Inject
    MetricRegistry metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        metrics.counter(
                        "broker.requests",
                        new Tag("route", request.getMethod() + " " + route()),
                        new Tag("outcome", outcome(response.getStatus())))
                .inc();
    }

    private String route() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return "unmatched";
        }
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
