package dev.jmicro.broker.status.boundary;

import dev.jmicro.broker.status.control.StatusProbe;
import dev.jmicro.broker.status.control.StatusProbe.ServiceStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/status}: every service's readiness and version, for the front end and operators. */
@ApplicationScoped
@Path("api/status")
@RolesAllowed({"user", "admin"})
@Tag(name = "status", description = "Every service's readiness")
@SecurityRequirement(name = "bearer")
public class StatusResource {

    /** UP when every service is; DEGRADED otherwise. */
    public record SystemStatus(String status, List<ServiceStatus> services) {}

    @Inject
    StatusProbe probe;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness and version of every service, each asked with a short timeout")
    public SystemStatus status() {
        List<ServiceStatus> services = probe.all();
        boolean allUp = services.stream().allMatch(service -> "UP".equals(service.status()));
        return new SystemStatus(allUp ? "UP" : "DEGRADED", services);
    }
}
