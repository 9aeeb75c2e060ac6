package dev.jmicro.logger.entries.control;

import dev.jmicro.logger.entries.entity.Level;
import java.time.Instant;

/**
 * What to list: every filter may be null. {@code text} is found anywhere in the name or the data (as typed, case counts);
 * {@code name} must match whole. {@code from} is inclusive, {@code to} exclusive; pages count from 1.
 */
public record LogQuery(String text, String name, Level level, Instant from, Instant to, int page, int size) {}
