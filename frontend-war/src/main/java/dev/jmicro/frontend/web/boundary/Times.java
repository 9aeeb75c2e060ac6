package dev.jmicro.frontend.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One way to show a moment on every page: {@code 2026-12-02 07:51:25 UTC}, to the second, with the zone said. The
 * services answer ISO-8601 instants or offset times; pages ask {@code #{times.format(text)}}.
 */
@Named("times")
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    /** The moment in the one format; text that is not a moment as it is, nothing as empty. */
    public String format(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            return SHOWN.format(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    public String format(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atOffset(ZoneOffset.UTC));
    }
}
