/** Asking each service for its readiness, in parallel and bounded in time. */
package dev.jmicro.broker.status.control;
