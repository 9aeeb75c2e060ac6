package dev.jmicro.frontend.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a trace id on a page links to: the trace viewer's address with {@code {traceId}} in it (the local run's
 * Zipkin, Jaeger in containers). Pages ask {@code #{traces.url(id)}}; no link where none is configured.
 */
@Named("traces")
@ApplicationScoped
public class TraceLinks {

    @Inject
    @ConfigProperty(name = "frontend.trace.url")
    Optional<String> traceUrl;

    /** The trace's address, or null without a configured viewer or without a trace id. */
    public String url(String traceId) {
        if (traceId == null || traceId.isBlank()) {
            return null;
        }
        return traceUrl.filter(url -> !url.isBlank())
                .map(url -> url.replace("{traceId}", traceId))
                .orElse(null);
    }
}
