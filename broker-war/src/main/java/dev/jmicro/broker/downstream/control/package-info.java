/**
 * What every downstream call shares: the 503 fallback naming the dependency, the mapping of a downstream 5xx to a
 * failure, and relaying a downstream answer.
 */
package dev.jmicro.broker.downstream.control;
