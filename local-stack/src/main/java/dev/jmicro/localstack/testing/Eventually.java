package dev.jmicro.localstack.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waiting in tests without bare sleeps: {@link #eventually} polls until something becomes true (and fails with what
 * it saw last when it does not in time), {@link #staysSo} checks that something stays true for a while (that a thing
 * which must not happen does not). Both poll every {@value #POLL_MILLIS} ms and are bounded.
 */
public final class Eventually {

    private static final long POLL_MILLIS = 100;

    private Eventually() {}

    /** Polls {@code probe} until its value satisfies {@code wanted}; returns that value. */
    public static <T> T eventually(Duration within, Callable<T> probe, Predicate<? super T> wanted, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = null;
        Exception failure = null;
        while (true) {
            try {
                last = probe.call();
                failure = null;
                if (wanted.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                failure = e;
            }
            if (System.nanoTime() >= deadline) {
                AssertionError error = new AssertionError(what + ": not within " + within.toMillis()
                        + " ms; last seen: " + (failure != null ? failure : Objects.toString(last)));
                if (failure != null) {
                    error.initCause(failure);
                }
                throw error;
            }
            pause();
        }
    }

    /** Polls until {@code condition} holds; fails when it does not within the time. */
    public static void eventually(Duration within, BooleanSupplier condition, String what) {
        eventually(within, condition::getAsBoolean, Boolean::booleanValue, what);
    }

    /** Whether {@code condition} came to hold within the time, for tests that assert it either way. */
    public static boolean becomes(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** Checks {@code condition} throughout {@code during}; fails the first time it does not hold. */
    public static void staysSo(Duration during, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + during.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                throw new AssertionError(what + ": no longer so after "
                        + Duration.ofNanos(System.nanoTime() - (deadline - during.toNanos()))
                                .toMillis() + " ms");
            }
            pause();
        } while (System.nanoTime() < deadline);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
