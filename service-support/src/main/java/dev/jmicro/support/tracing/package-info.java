/** Trace context across messages: W3C {@code traceparent} in and out of message properties. */
package dev.jmicro.support.tracing;
