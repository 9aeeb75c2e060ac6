package dev.jmicro.listener;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The listener service's REST application, served at the root so the original paths keep working. */
@ApplicationPath("/")
public class ListenerApplication extends Application {}
