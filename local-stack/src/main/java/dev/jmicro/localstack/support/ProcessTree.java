package dev.jmicro.localstack.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and everything it started: politely first (SIGTERM), by force after a grace period; or kills it
 * without notice (SIGKILL), or freezes and thaws it (SIGSTOP, SIGCONT), as the fault benchmark does.
 */
public final class ProcessTree {

    private ProcessTree() {}

    public static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = withDescendants(root);
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

    /** SIGKILL to the process and everything it started, as a crash or the OOM killer would; waits until all exited. */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> all = withDescendants(root);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A process the kernel has not reaped in 10 s is reported by whoever needs its port.
            }
        }
    }

    /** Sends a signal ({@code -STOP}, {@code -CONT}) to the process and everything it started, with kill(1). */
    public static void signal(ProcessHandle root, String signal) {
        List<String> command = new java.util.ArrayList<>(List.of("kill", signal));
        List<ProcessHandle> all = withDescendants(root);
        all.forEach(process -> command.add(Long.toString(process.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("kill " + signal + " " + root.pid() + " did not return");
            }
            // kill(1) signals every process it can and fails when one has gone: a helper of Liberty's start script
            // that exited after it was listed (seen on Ctrl-C during start-up) needs no signal.
            if (kill.exitValue() != 0 && all.stream().allMatch(ProcessHandle::isAlive)) {
                throw new IllegalStateException("kill " + signal + " " + root.pid() + " failed");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + root.pid(), e);
        }
    }

    /** The process first, then everything it started. */
    private static List<ProcessHandle> withDescendants(ProcessHandle root) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(0, root);
        return all;
    }
}
