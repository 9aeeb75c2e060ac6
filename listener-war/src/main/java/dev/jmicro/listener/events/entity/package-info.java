/** A log event as the publishers send it, with what the listener reads off the AMQP message. */
package dev.jmicro.listener.events.entity;
