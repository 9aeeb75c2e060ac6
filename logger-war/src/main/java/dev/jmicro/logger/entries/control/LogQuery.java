package dev.jmicro.logger.entries.control;

import dev.jmicro.logger.entries.entity.Level;
import java.time.Instant;

/**
 * What to list: every filter may be null. {@code from} is inclusive, {@code to} exclusive; pages count from 1.
 */
public record LogQuery(String name, Level level, Instant from, Instant to, int page, int size) {}
