/** The broker service: the single entry point that routes to every other service. */
package dev.jmicro.broker;
