/** The way in: the {@code log-events} channel on the durable {@code log_events} queue. */
package dev.jmicro.listener.events.boundary;
