/**
 * Runs the whole system on one machine without Docker: embedded backing services, then one Open Liberty server per
 * service. The same code backs the one-command local run, the system tests and the start-up benchmark.
 */
package dev.jmicro.localstack;
