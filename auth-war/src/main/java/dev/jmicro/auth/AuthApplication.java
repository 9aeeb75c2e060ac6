package dev.jmicro.auth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The auth service's REST application, served at the root so the original paths keep working. */
@ApplicationPath("/")
public class AuthApplication extends Application {}
