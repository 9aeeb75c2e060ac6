package dev.jmicro.localstack;

import dev.jmicro.localstack.backing.Backing;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The six services, each with its local HTTP port (9080 to 9085) and the backing services it needs. */
public enum Service {
    FRONTEND(9080, EnumSet.noneOf(Backing.class)),
    BROKER(9081, EnumSet.of(Backing.AMQP)),
    AUTH(9082, EnumSet.of(Backing.POSTGRES, Backing.AMQP)),
    LOGGER(9083, EnumSet.of(Backing.MONGO)),
    LISTENER(9084, EnumSet.of(Backing.AMQP)),
    MAIL(9085, EnumSet.of(Backing.SMTP));

    private final int defaultPort;
    private final Set<Backing> needs;

    Service(int defaultPort, Set<Backing> needs) {
        this.defaultPort = defaultPort;
        this.needs = needs;
    }

    /** The Liberty server's name, which is also the name used in config keys and traces. */
    public String serverName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Maven module (and folder) of the service, e.g. {@code logger-war}. */
    public String module() {
        return serverName() + "-war";
    }

    public int defaultPort() {
        return defaultPort;
    }

    public Set<Backing> needs() {
        return needs;
    }

    /** Reads a service from its server name, e.g. {@code auth}; the error lists the valid names. */
    public static Service named(String name) {
        for (Service service : values()) {
            if (service.serverName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return service;
            }
        }
        throw new IllegalArgumentException(
                "unknown service '" + name + "' (known: frontend, broker, auth, logger," + " listener, mail)");
    }
}
