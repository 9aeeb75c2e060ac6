package dev.jmicro.listener.events.entity;

/**
 * One log event, ready to store.
 *
 * @param name the original body's {@code name}
 * @param data the original body's {@code data}, as text (JSON objects are kept as their JSON)
 * @param level INFO, WARNING or ERROR, from the routing key
 * @param key the idempotency key (the AMQP message-id), or null when the publisher set none
 * @param traceparent the publisher's W3C trace context, or null
 */
public record LogEvent(String name, String data, String level, String key, String traceparent) {}
