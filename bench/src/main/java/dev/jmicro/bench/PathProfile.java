package dev.jmicro.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of one server while one path runs: started and stopped from outside with {@code jcmd
 * JFR.start/JFR.stop} (the server needs no option), then read with {@code jdk.jfr.consumer}. It tells where the CPU
 * goes (execution samples by the first frame of our code or of a library, grouped by package) and what is allocated
 * (allocation samples by class, weighted by the bytes they stand for).
 */
final class PathProfile {

    /**
     * Package prefixes a sample is charged to: the first frame from the top of the stack in one of these names the
     * part of the system that spent it. The JDK's own frames are charged to the caller that used them.
     */
    private static final List<String> PARTS = List.of(
            "dev.jmicro.",
            "io.grpc.netty.shaded.io.netty.",
            "io.netty.",
            "io.grpc.",
            "com.mongodb.",
            "org.bson.",
            "org.eclipse.jnosql.",
            "org.jboss.resteasy.",
            "org.hibernate.validator.",
            "io.smallrye.faulttolerance.",
            "io.opentelemetry.",
            "org.eclipse.yasson.",
            "org.glassfish.json.",
            "org.jboss.weld.",
            "org.apache.qpid.",
            "com.ibm.ws.http.",
            "com.ibm.ws.webcontainer.",
            "com.ibm.ws.tcpchannel.",
            "com.ibm.ws.channelfw.",
            "com.ibm.ws.threading.",
            "com.ibm.ws.",
            "com.ibm.",
            "io.openliberty.",
            "at.favre.lib.crypto.bcrypt.");

    private final long pid;
    private final Path file;

    private PathProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts a recording on the server (the "profile" settings: a CPU sample every 10 ms, allocation samples). */
    static PathProfile start(long pid, Path file) {
        jcmd(pid, "JFR.start", "name=path", "settings=profile");
        return new PathProfile(pid, file);
    }

    /** What a recording found, each a printable line: the top CPU parts, the top allocated classes. */
    record Found(String cpu, String allocated) {}

    /** Stops the recording, reads it and removes its file. */
    Found stop(int top) {
        jcmd(pid, "JFR.stop", "name=path", "filename=" + file);
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long samples = 0;
        long bytes = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    cpu.merge(partOf(event.getStackTrace()), 1L, Long::sum);
                    samples++;
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    long weight = event.getLong("weight");
                    allocated.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    bytes += weight;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            delete();
        }
        return new Found(shares(cpu, samples, top), shares(allocated, bytes, top));
    }

    private static String shares(Map<String, Long> counts, long total, int top) {
        if (total == 0) {
            return "(no samples)";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    /** The part of the system the sample's CPU belongs to: the first frame from the top in a known package. */
    private static String partOf(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String part : PARTS) {
                if (type.startsWith(part)) {
                    return part.equals("dev.jmicro.") ? type.substring(0, type.lastIndexOf('.')) : part + "*";
                }
            }
        }
        List<RecordedFrame> frames = stack.getFrames();
        String top =
                frames.isEmpty() ? "?" : frames.get(0).getMethod().getType().getName();
        return top.contains(".") ? top.substring(0, top.lastIndexOf('.')) + ".*" : top;
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new java.util.ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        if (JvmWatch.tool(60, line.toArray(String[]::new)).isEmpty()) {
            throw new IllegalStateException(String.join(" ", line) + " failed");
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A left-over recording in the bench's target folder harms nothing.
        }
    }
}
