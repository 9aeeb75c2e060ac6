/** {@code /api/status}: the health of every service at a glance. */
package dev.jmicro.broker.status.boundary;
