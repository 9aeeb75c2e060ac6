package dev.jmicro.logger;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The logger service's REST application, served at the root so the original paths keep working. Endpoints marked
 * {@code @RolesAllowed} take a bearer token verified by MicroProfile JWT.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class LoggerApplication extends Application {}
