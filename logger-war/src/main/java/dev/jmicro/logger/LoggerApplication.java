package dev.jmicro.logger;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The logger service's REST application, served at the root so the original paths keep working. */
@ApplicationPath("/")
public class LoggerApplication extends Application {}
