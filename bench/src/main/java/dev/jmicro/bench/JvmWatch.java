package dev.jmicro.bench;

import dev.jmicro.localstack.support.ProcessStats;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one JVM does with its memory and CPU, read from outside it: CPU time and resident memory ({@link ProcessStats}),
 * the old generation's occupancy and the collection counts from {@code jstat -gc}, and each pause from the JVM's own
 * GC log ({@code -Xlog:gc:file=…/gc-%p.log}), so that the process measured is not disturbed by the measuring.
 */
final class JvmWatch {

    /** The state at one moment. */
    record Sample(
            long cpuNanos, long residentBytes, long oldUsedBytes, long oldCapacityBytes, long youngGcs, long fullGcs) {

        /** CPU milliseconds spent since {@code before}, per request of the given number served in between. */
        double cpuMillisPer(double requests, Sample before) {
            return (cpuNanos - before.cpuNanos) / 1e6 / requests;
        }
    }

    /** Pauses logged since the last call: how many, the longest, their sum. */
    record Pauses(int count, double maxMillis, double totalMillis) {}

    private static final Pattern PAUSE = Pattern.compile("Pause .* (\\d+(?:\\.\\d+)?)ms$");

    final String name;
    private final long pid;
    private final Path gcLog;
    private long gcLogOffset;

    JvmWatch(String name, long pid, Path gcLogDir) {
        this.name = name;
        this.pid = pid;
        this.gcLog = gcLogDir.resolve("gc-" + pid + ".log");
    }

    /** For the benchmark's own JVM: no jstat, no GC log of its own. */
    static JvmWatch self() {
        return new JvmWatch("bench JVM", ProcessHandle.current().pid(), Path.of("/nonexistent"));
    }

    Sample sample() {
        long[] gc = jstat();
        return new Sample(cpuNanos(), residentBytes(), gc[0], gc[1], gc[2], gc[3]);
    }

    Pauses pausesSinceLastCall() {
        int count = 0;
        double max = 0;
        double total = 0;
        if (!Files.exists(gcLog)) {
            return new Pauses(0, 0, 0);
        }
        try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
            file.seek(gcLogOffset);
            String line;
            while ((line = file.readLine()) != null) {
                Matcher pause =
                        PAUSE.matcher(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                if (pause.find()) {
                    double millis = Double.parseDouble(pause.group(1));
                    count++;
                    max = Math.max(max, millis);
                    total += millis;
                }
            }
            gcLogOffset = file.getFilePointer();
        } catch (IOException e) {
            // The JVM is gone or the log is rotating: no pauses to tell this time.
        }
        return new Pauses(count, max, total);
    }

    private long cpuNanos() {
        return ProcessStats.cpuTime(pid).map(Duration::toNanos).orElse(0L);
    }

    long residentBytes() {
        return ProcessStats.residentBytes(pid).orElse(0L);
    }

    private static final Pattern NMT_AREA = Pattern.compile("-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");
    /** A histogram row: {@code "   1:        123456       7890123  java.lang.String (java.base@17)"}. */
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

    /**
     * Committed memory (MB) by the JVM's own accounting ({@code jcmd VM.native_memory summary}; the JVM must run with
     * {@code -XX:NativeMemoryTracking=summary}), largest area first: heap, class metadata, code, threads, GC, and what
     * the JVM allocated for itself. Empty where it cannot be read. Resident memory above the total is the C library's
     * (e.g. its malloc arenas) and memory mapped by native code such as Netty's.
     */
    Map<String, Long> nativeMemory() {
        Map<String, Long> areas = new LinkedHashMap<>();
        tool(20, "jcmd", Long.toString(pid), "VM.native_memory", "summary").ifPresent(out -> {
            Matcher total = NMT_TOTAL.matcher(out);
            if (total.find()) {
                areas.put("total", Long.parseLong(total.group(1)) >> 10);
            }
            Matcher area = NMT_AREA.matcher(out);
            Map<String, Long> found = new HashMap<>();
            while (area.find()) {
                found.put(area.group(1).trim(), Long.parseLong(area.group(2)) >> 10);
            }
            found.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(e -> e.getValue() > 0)
                    .forEach(e -> areas.put(e.getKey(), e.getValue()));
        });
        return areas;
    }

    /**
     * The classes that hold most of the live heap ({@code jcmd GC.class_histogram}, which collects first): what fills
     * the old generation. The total first, then each as "name MB"; empty where it cannot be read.
     */
    List<String> liveHistogram(int top) {
        List<String> classes = new ArrayList<>();
        tool(60, "jcmd", Long.toString(pid), "GC.class_histogram").ifPresent(out -> {
            Matcher sum = HISTOGRAM_TOTAL.matcher(out);
            if (sum.find()) {
                classes.add(String.format("live %.0f MB", Long.parseLong(sum.group(1)) / 1048576.0));
            }
            Matcher row = HISTOGRAM_ROW.matcher(out);
            while (row.find() && classes.size() <= top) {
                classes.add(String.format("%s %.1f", row.group(2), Long.parseLong(row.group(1)) / 1048576.0));
            }
        });
        return classes;
    }

    /** Old generation used and capacity (bytes), young and full collections so far; zeros without jstat. */
    private long[] jstat() {
        if (pid == ProcessHandle.current().pid()) {
            return new long[4];
        }
        return tool(10, "jstat", "-gc", Long.toString(pid))
                .map(out -> {
                    String[] lines = out.strip().split("\n");
                    String[] names = lines[0].trim().split("\\s+");
                    String[] values = lines[lines.length - 1].trim().split("\\s+");
                    Map<String, Double> column = new HashMap<>();
                    for (int i = 0; i < names.length && i < values.length; i++) {
                        try {
                            column.put(names[i], Double.parseDouble(values[i]));
                        } catch (NumberFormatException e) {
                            column.put(names[i], 0.0); // "-" for a collector that does not apply
                        }
                    }
                    return new long[] {
                        (long) (column.getOrDefault("OU", 0.0) * 1024),
                        (long) (column.getOrDefault("OC", 0.0) * 1024),
                        column.getOrDefault("YGC", 0.0).longValue(),
                        column.getOrDefault("FGC", 0.0).longValue()
                    };
                })
                .orElse(new long[4]);
    }

    /** The output of one of the JDK's tools ({@code jcmd}, {@code jstat}); empty if it fails or takes too long. */
    static Optional<String> tool(int timeoutSeconds, String... command) {
        try {
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return tool.waitFor(timeoutSeconds, TimeUnit.SECONDS) && tool.exitValue() == 0
                    ? Optional.of(out)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
