/** The listener service: consumes log events from AMQP and stores them through the logger. */
package dev.jmicro.listener;
