package dev.jmicro.logger.entries.control;

import dev.jmicro.logger.entries.entity.LogEntry;
import java.util.List;

/** One page of entries, newest first, and how many match in all. */
public record LogPage(List<LogEntry> entries, long total) {}
