package dev.jmicro.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** A closed-loop load: a fixed number of threads, each doing the operation again as soon as it returns. */
final class Load {

    private Load() {}

    /** What one measurement gave: operations per second and the latency percentiles in milliseconds. */
    record Rate(double perSecond, double p50, double p99, int failures) {}

    /** Runs the operation from {@code concurrency} threads for the given time. */
    static Rate measure(BooleanSupplier operation, int concurrency, Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<List<Long>>> workers = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < concurrency; i++) {
            workers.add(threads.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    boolean ok = succeeds(operation);
                    latencies.add(System.nanoTime() - start);
                    if (!ok) {
                        failures.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        try {
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get());
            }
        } finally {
            threads.shutdownNow();
        }
        Collections.sort(all);
        double perSecond = all.size() / (duration.toNanos() / 1e9);
        return new Rate(perSecond, percentile(all, 0.50), percentile(all, 0.99), failures.get());
    }

    /** An operation that throws (a refused connection, a timeout) is a failed one; the load goes on. */
    private static boolean succeeds(BooleanSupplier operation) {
        try {
            return operation.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
    }
}
