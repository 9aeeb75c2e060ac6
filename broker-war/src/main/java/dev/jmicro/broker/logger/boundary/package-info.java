/** {@code /api/logs}: writing a log entry over the configured transport, and the logger's reads and deletion. */
package dev.jmicro.broker.logger.boundary;
