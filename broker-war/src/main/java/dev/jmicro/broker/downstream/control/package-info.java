/**
 * What every downstream call shares: a dependency's refusal and its unavailability as exceptions, the REST clients'
 * mapping of error answers to them, and the guard that names the dependency that failed.
 */
package dev.jmicro.broker.downstream.control;
