package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.control.NewEntry;
import dev.jmicro.logger.entries.entity.Level;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One entry to write: the original {@code {name, data}}, optionally with a level and (in batches) an idempotency key
 * and the W3C trace context of the event it came from, so its trace goes on into the logger.
 */
public record EntryRequest(
        @NotBlank @Size(max = EntryRequest.MAX_NAME) String name,
        @NotNull @Size(max = EntryRequest.MAX_DATA) String data,
        @Pattern(regexp = EntryRequest.LEVELS, message = "must be INFO, WARNING or ERROR") String level,
        @Size(min = 1, max = EntryRequest.MAX_KEY) String key,
        @Pattern(regexp = EntryRequest.TRACEPARENT, message = "must be a W3C traceparent") String traceparent) {

    static final int MAX_NAME = NewEntry.MAX_NAME;
    static final int MAX_DATA = NewEntry.MAX_DATA;
    static final int MAX_KEY = NewEntry.MAX_KEY;
    static final String LEVELS = "(?i)INFO|WARNING|ERROR";
    static final String TRACEPARENT = "[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    private static final java.util.regex.Pattern LEVEL_PATTERN = java.util.regex.Pattern.compile(LEVELS);
    private static final java.util.regex.Pattern TRACEPARENT_PATTERN = java.util.regex.Pattern.compile(TRACEPARENT);

    /** Blank as {@code @NotBlank} means it: nothing but characters up to U+0020 (not {@link String#isBlank}'s rule). */
    static boolean isBlank(String text) {
        return text.trim().isEmpty();
    }

    /** A level as {@link #LEVELS} accepts it: one of the three in any case, nothing around it. */
    static boolean isLevel(String text) {
        return LEVEL_PATTERN.matcher(text).matches();
    }

    /** An idempotency key as {@code @Size(min = 1, max = MAX_KEY)} accepts it. */
    static boolean isKey(String text) {
        return !text.isEmpty() && text.length() <= MAX_KEY;
    }

    /**
     * True when this entry breaks none of the constraints above, checked as Hibernate Validator checks them
     * ({@code @NotBlank} trims, {@code @Size} counts UTF-16 units, {@code @Pattern} matches the whole text); false when
     * it breaks one, and Bean Validation then says which. A batch checks its entries this way first (see
     * {@link LogsResource#writeBatch}); {@code EntryRequestTest} holds it to the Validator's verdict on generated
     * entries.
     */
    boolean plainlyValid() {
        return name != null
                && !isBlank(name)
                && name.length() <= MAX_NAME
                && data != null
                && data.length() <= MAX_DATA
                && (level == null || isLevel(level))
                && (key == null || isKey(key))
                && (traceparent == null
                        || TRACEPARENT_PATTERN.matcher(traceparent).matches());
    }

    /** The entry to store; a key given apart (the {@code Idempotency-Key} header) wins over the body's. */
    NewEntry toEntry(String keyFromHeader) {
        return new NewEntry(
                name,
                data,
                Level.parse(level).orElse(Level.INFO),
                keyFromHeader != null ? keyFromHeader : key,
                traceparent);
    }
}
