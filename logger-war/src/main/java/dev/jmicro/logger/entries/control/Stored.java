package dev.jmicro.logger.entries.control;

import dev.jmicro.logger.entries.entity.LogEntry;

/**
 * The outcome of one write.
 *
 * @param entry the stored entry: the new one, or the one stored earlier under the same key
 * @param duplicate whether the key had been stored before, so nothing was written now
 */
public record Stored(LogEntry entry, boolean duplicate) {}
