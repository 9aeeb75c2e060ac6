package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.entity.LogEntry;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** An entry as clients see it: {@code {id, name, data, level, created_at, updated_at}}. */
public record LogView(
        String id,
        String name,
        String data,
        String level,
        @JsonbProperty("created_at") Instant createdAt,
        @JsonbProperty("updated_at") Instant updatedAt) {

    static LogView of(LogEntry entry) {
        return new LogView(entry.id(), entry.name(), entry.data(), entry.level(), entry.createdAt(), entry.updatedAt());
    }
}
