package dev.jmicro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An open-loop load: requests at a fixed rate, whatever the answers' speed, from a pool of workers (the connections).
 * A request's latency counts from when it was due, not from when a worker got to it, so a server that falls behind
 * shows it in the tail instead of slowing the load down (no coordinated omission). Figures are collected in windows:
 * {@link #takeWindow()} hands over what was measured since the last call.
 */
final class PacedLoad implements AutoCloseable {

    /** One window's figures: requests answered, how many failed, the latencies in nanoseconds. */
    record Window(long requests, long failures, long[] latencies) {

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            return latencies[(int) Math.min(latencies.length - 1, Math.round(p * (latencies.length - 1)))] / 1e6;
        }
    }

    private final BooleanSupplier operation;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private final AtomicLong nextSlot = new AtomicLong();
    private final ExecutorService workers;
    private volatile boolean running = true;

    private final Object lock = new Object();
    private List<Long> latencies = new ArrayList<>();
    private long failures;

    PacedLoad(String name, BooleanSupplier operation, double perSecond, int connections) {
        this.operation = operation;
        this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
        this.workers = Executors.newFixedThreadPool(connections, task -> {
            Thread thread = new Thread(task, "load " + name);
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < connections; i++) {
            workers.execute(this::work);
        }
    }

    private void work() {
        while (running) {
            long due = startNanos + nextSlot.getAndIncrement() * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                return;
            }
            boolean ok;
            try {
                ok = operation.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            long latency = System.nanoTime() - due;
            synchronized (lock) {
                latencies.add(latency);
                if (!ok) {
                    failures++;
                }
            }
        }
    }

    Window takeWindow() {
        List<Long> taken;
        long failed;
        synchronized (lock) {
            taken = latencies;
            failed = failures;
            latencies = new ArrayList<>(taken.size() + 1024);
            failures = 0;
        }
        long[] sorted = taken.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Window(sorted.length, failed, sorted);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
