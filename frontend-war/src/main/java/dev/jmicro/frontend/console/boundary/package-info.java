/** The test console: one button per original test, showing the JSON sent and received. */
package dev.jmicro.frontend.console.boundary;
