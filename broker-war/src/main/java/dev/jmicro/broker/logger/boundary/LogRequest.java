package dev.jmicro.broker.logger.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A log entry to write: the original {@code {name, data}}, and in the broker's own API an optional level. The limits
 * are the logger's, checked here so that a write the logger would refuse is refused before anything is sent.
 */
public record LogRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 65_536) String data,
        @Pattern(regexp = "(?i)INFO|WARNING|ERROR", message = "must be INFO, WARNING or ERROR") String level) {}
