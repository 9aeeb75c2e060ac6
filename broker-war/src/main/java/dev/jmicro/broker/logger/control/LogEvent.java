package dev.jmicro.broker.logger.control;

/**
 * One log entry on its way to the logger, over AMQP or gRPC.
 *
 * @param level INFO, WARNING or ERROR
 * @param key the idempotency key: the AMQP message id or gRPC {@code log-idempotency-key}, so a retried write is stored
 *     once
 * @param requestId the broker's request id, carried along for correlation
 * @param traceparent the W3C trace context of the request, so the write joins its trace (may be null)
 */
public record LogEvent(String name, String data, String level, String key, String requestId, String traceparent) {}
