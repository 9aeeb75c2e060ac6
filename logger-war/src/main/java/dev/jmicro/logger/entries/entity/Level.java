package dev.jmicro.logger.entries.entity;

import java.util.Locale;
import java.util.Optional;

/** The severities of the original system's routing keys ({@code log.INFO}, {@code log.WARNING}, {@code log.ERROR}). */
public enum Level {
    INFO,
    WARNING,
    ERROR;

    /** Reads a level in any case; empty for anything else. */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
