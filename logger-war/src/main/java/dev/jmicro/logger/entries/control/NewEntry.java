package dev.jmicro.logger.entries.control;

import dev.jmicro.logger.entries.entity.Level;

/**
 * An entry to store, however it arrived.
 *
 * @param key the writer's idempotency key, or null: the same key is stored once, whatever the other fields say
 * @param traceparent the W3C trace context of the event the entry records, or null
 */
public record NewEntry(String name, String data, Level level, String key, String traceparent) {

    /** An entry that comes with no trace context of its own (a REST or gRPC call is traced by the server). */
    public NewEntry(String name, String data, Level level, String key) {
        this(name, data, level, key, null);
    }

    /** Limits every way in enforces, so no path stores what another would refuse. */
    public static final int MAX_NAME = 200;

    public static final int MAX_DATA = 65_536;
    public static final int MAX_KEY = 200;
}
