/** The ways in: the original {@code POST /log}, the {@code /logs} resource and the gRPC {@code LogService}. */
package dev.jmicro.logger.entries.boundary;
