package dev.jmicro.localstack.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What Linux tells of a process from outside it ({@code /proc}): its CPU time and resident memory, for benchmarks
 * that share the machine with their load generator. Empty where the platform does not tell, or the process ended.
 */
public final class ProcessStats {

    private ProcessStats() {}

    /** CPU time used so far, user and system. */
    public static Optional<Duration> cpuTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(Duration.ofMillis(ticks * 10)); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resident memory now. */
    public static Optional<Long> residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process just ended.
        }
        return Optional.empty();
    }
}
