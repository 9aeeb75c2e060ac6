/** Confirmed, durable sends to an AMQP 1.0 broker over one reused connection. */
package dev.jmicro.support.amqp;
