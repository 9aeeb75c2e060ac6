package dev.jmicro.localstack.backing;

import java.util.Map;

/** A running backing service: what services need to reach it, and how to stop it. */
public interface BackingService extends AutoCloseable {

    /** What it is for; services get the environment of the kinds they need. */
    Backing kind();

    /** A short name for progress lines and errors, e.g. {@code postgres}. */
    String name();

    /** Where a person reaches it, e.g. {@code postgresql://127.0.0.1:40123/auth}. */
    String describe();

    /** Environment variables that point a service at it (the services' config keys in env form). */
    Map<String, String> environment();

    /** Stops it; never throws, since it runs while everything else is being cleaned up too. */
    @Override
    void close();
}
