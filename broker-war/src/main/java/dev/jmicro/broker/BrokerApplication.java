package dev.jmicro.broker;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The broker service's REST application, served at the root so the original paths keep working. */
@ApplicationPath("/")
public class BrokerApplication extends Application {}
