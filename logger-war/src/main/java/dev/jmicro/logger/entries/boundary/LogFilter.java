package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.control.LogQuery;
import dev.jmicro.logger.entries.entity.Level;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /logs}. Parameters arrive as text and are checked here, so a wrong one is a 400 that names
 * it (JAX-RS would answer a number it cannot parse with 404).
 */
public class LogFilter {

    /** A text to find anywhere in the name or the data, as typed (case counts). */
    @QueryParam("q")
    @Size(max = 200)
    String text;

    @QueryParam("name")
    @Size(max = EntryRequest.MAX_NAME)
    String name;

    @QueryParam("level")
    @Pattern(regexp = EntryRequest.LEVELS, message = "must be INFO, WARNING or ERROR")
    String level;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("page")
    @Pattern(regexp = "[1-9][0-9]{0,5}", message = "must be a whole number from 1 to 999999")
    String page;

    @QueryParam("size")
    @Pattern(regexp = "[1-9][0-9]{0,2}", message = "must be a whole number from 1 to 200")
    String size;

    static final int MAX_SIZE = 200;

    LogQuery toQuery() {
        int pageSize = size == null ? 20 : Integer.parseInt(size);
        if (pageSize > MAX_SIZE) {
            throw new BadRequestException("size: must be a whole number from 1 to " + MAX_SIZE);
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        return new LogQuery(
                text == null || text.isBlank() ? null : text,
                name,
                Level.parse(level).orElse(null),
                start,
                end,
                page == null ? 1 : Integer.parseInt(page),
                pageSize);
    }

    static Instant instant(String parameter, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(parameter + ": must be an ISO-8601 instant such as 2026-11-21T09:30:00Z");
        }
    }
}
