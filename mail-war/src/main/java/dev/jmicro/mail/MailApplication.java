package dev.jmicro.mail;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The mail service's REST application, served at the root so the original paths keep working. */
@ApplicationPath("/")
public class MailApplication extends Application {}
