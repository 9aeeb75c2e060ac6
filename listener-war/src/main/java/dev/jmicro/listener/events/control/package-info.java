/** Turning AMQP messages into stored log entries: decoding, batching, writing to the logger, dead-lettering. */
package dev.jmicro.listener.events.control;
