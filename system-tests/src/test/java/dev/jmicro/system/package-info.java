/** End-to-end tests of the whole system, started the way the one-command local run starts it. */
package dev.jmicro.system;
