package dev.jmicro.localstack.backing;

/** The kinds of backing service. A service needs some of the first four; every service sends traces when enabled,
 * and Prometheus, when enabled, scrapes them all. */
public enum Backing {
    POSTGRES,
    MONGO,
    AMQP,
    SMTP,
    TRACES,
    METRICS
}
