package dev.jmicro.auth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The auth service's REST application, served at the root so the original paths keep working. Endpoints marked
 * {@code @RolesAllowed} take a bearer token verified by MicroProfile JWT; the others are open.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class AuthApplication extends Application {}
