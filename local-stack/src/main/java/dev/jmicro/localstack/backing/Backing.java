package dev.jmicro.localstack.backing;

/** The kinds of backing service a service can need; the trace viewer is started for all when enabled. */
public enum Backing {
    POSTGRES,
    MONGO,
    AMQP,
    SMTP
}
