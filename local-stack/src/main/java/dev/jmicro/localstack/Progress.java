package dev.jmicro.localstack;

/** Receives one line per step while the stack starts or stops (the launcher prints them with the elapsed time). */
@FunctionalInterface
public interface Progress {

    void step(String line);

    /** Prints each step to standard output. */
    static Progress toStdout() {
        long start = System.nanoTime();
        return line -> System.out.printf("[%5.1fs] %s%n", (System.nanoTime() - start) / 1e9, line);
    }
}
