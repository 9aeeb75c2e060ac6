/**
 * The generated fuzz suite: requests built from each service's own OpenAPI document, valid and broken, sent to the
 * real servers.
 */
package dev.jmicro.system.fuzz;
