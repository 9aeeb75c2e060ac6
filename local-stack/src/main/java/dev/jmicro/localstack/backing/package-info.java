/** Embedded stand-ins for the backing services the containers run for real: PostgreSQL, MongoDB, AMQP, SMTP, Zipkin. */
package dev.jmicro.localstack.backing;
