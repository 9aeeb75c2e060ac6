/** The logger service: log entries in MongoDB, written over REST and gRPC. */
package dev.jmicro.logger;
