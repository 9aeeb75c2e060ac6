package dev.jmicro.mail.send.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /send}: the original {@code {from, to, subject, message}} plus an optional template name and
 * its fields. Header fields may not contain line breaks (header injection); sizes are bounded.
 *
 * @param from sender; the configured from-address and name when absent
 * @param to one or more addresses, separated by commas
 * @param template {@code default} when absent; {@code welcome} and {@code password-changed} take fields
 */
public record SendRequest(
        @Size(max = 320) @Pattern(regexp = NO_LINE_BREAKS, message = NO_LINE_BREAKS_MESSAGE) String from,
        @NotBlank @Size(max = 4000) @Pattern(regexp = NO_LINE_BREAKS, message = NO_LINE_BREAKS_MESSAGE) String to,
        @NotNull @Size(max = 200) @Pattern(regexp = NO_LINE_BREAKS, message = NO_LINE_BREAKS_MESSAGE) String subject,
        @NotNull @Size(max = 65536) String message,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a template name such as welcome")
                String template,
        @Size(max = 20)
                Map<@NotNull @Pattern(regexp = "[a-z_][a-z0-9_]{0,39}") String, @NotNull @Size(max = 1000) String>
                        fields) {

    static final String NO_LINE_BREAKS = "[^\\r\\n]*";
    static final String NO_LINE_BREAKS_MESSAGE = "must not contain line breaks";
}
