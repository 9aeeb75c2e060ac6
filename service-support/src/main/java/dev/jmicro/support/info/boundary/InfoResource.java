package dev.jmicro.support.info.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tells operators and the broker's status page which service answers and in which version. The values come from each
 * service's {@code microprofile-config.properties}, where the build writes the project version.
 */
@Path("info")
@ApplicationScoped
@Tag(name = "info", description = "The service's name and version")
public class InfoResource {

    /** What {@code GET /info} returns. */
    public record ServiceInfo(String name, String version) {}

    private final ServiceInfo info;

    @Inject
    public InfoResource(
            @ConfigProperty(name = "service.name") String name,
            @ConfigProperty(name = "service.version") String version) {
        this.info = new ServiceInfo(name, version);
    }

    /** Needed by CDI to proxy the bean; never used directly. */
    protected InfoResource() {
        this.info = null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name and version of this service")
    public ServiceInfo info() {
        return info;
    }
}
