/** The one way to the broker: every call with the caller's token, address, a request id and the trace context, answered as an exchange. */
package dev.jmicro.frontend.broker.control;
