package dev.jmicro.localstack.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: politely first (SIGTERM), by force after a grace period. */
public final class ProcessTree {

    private ProcessTree() {}

    public static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                process.destroyForcibly();
            }
        }
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Nothing more can be done from here; the caller reports what still listens.
            }
        }
    }
}
