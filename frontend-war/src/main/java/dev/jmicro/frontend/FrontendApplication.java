package dev.jmicro.frontend;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The frontend service's REST application, served at the root so the original paths keep working. */
@ApplicationPath("/")
public class FrontendApplication extends Application {}
