/** Readiness: the logger is ready when MongoDB answers. */
package dev.jmicro.logger.health.boundary;
