package dev.jmicro.broker;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The broker's REST application, served at the root so the original paths keep working. Endpoints marked
 * {@code @RolesAllowed} take a bearer token from the auth service, verified here with MicroProfile JWT.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class BrokerApplication extends Application {}
