/**
 * Everything the broker asks the logger: writes over AMQP (through the listener) or gRPC, reads and deletions over
 * REST, each call guarded.
 */
package dev.jmicro.broker.logger.control;
