/** Benchmarks that start the real system and print their figures; run with {@code ./mvnw -Pbench}. */
package dev.jmicro.bench;
