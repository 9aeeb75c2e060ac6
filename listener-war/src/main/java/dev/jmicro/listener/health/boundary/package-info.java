/** Readiness: the listener is ready while its AMQP connection is up. */
package dev.jmicro.listener.health.boundary;
